package dev.keyline.ledger.service;

/** Counts of one booked batch. */
public record BatchResult(int booked, int duplicates, int deadLettered) {}
