package dev.keyline.ledger.domain;

/** A registered key as the booking rules need it: its id and partial key. */
public record KeyRef(String keyId, String partialKey) {}
