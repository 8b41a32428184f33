package dev.keyline.alert.service;

/**
 * How many distinct records the service has processed from each topic it reads: events of a type it does not know
 * count as processed, and {@code deadLettersProcessed} covers both dead-letter topics.
 */
public record ProcessingCounts(long lineEventsProcessed, long ledgerEventsProcessed, long deadLettersProcessed) {}
