package dev.keyline.ledger.rest;

import java.time.Instant;

/**
 * A range of booking times from the query parameters {@code from} (inclusive) and {@code to} (exclusive), each rounded
 * up to the microsecond PostgreSQL keeps, after their order was checked as sent.
 */
record TimeRange(Instant from, Instant to) {

    /** Reads the range; a missing bound is the first or last instant the API accepts. */
    static TimeRange of(String from, String to) {
        Instant start = JournalResource.instant("from", from, JournalResource.FIRST_INSTANT);
        Instant end = JournalResource.instant("to", to, JournalResource.LAST_INSTANT);
        JournalResource.requireOrder(start, end);
        return new TimeRange(JournalResource.roundedUp(start), JournalResource.roundedUp(end));
    }
}
