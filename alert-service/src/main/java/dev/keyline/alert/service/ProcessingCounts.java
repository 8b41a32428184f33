package dev.keyline.alert.service;

/** How many distinct events the service has processed from each topic it reads. */
public record ProcessingCounts(long lineEventsProcessed, long ledgerEventsProcessed) {}
