package dev.keyline.ledger.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A range of booking times from the query parameters {@code from} (inclusive) and {@code to} (exclusive). Their order
 * is checked as sent, and then each is rounded up to the microsecond, the precision PostgreSQL keeps.
 */
record TimeRange(Instant from, Instant to) {

    /** Reads the range. A missing bound is the first or last instant the API accepts. */
    static TimeRange of(String from, String to) {
        Instant start = JournalResource.instant("from", from, JournalResource.FIRST_INSTANT);
        Instant end = JournalResource.instant("to", to, JournalResource.LAST_INSTANT);
        JournalResource.requireOrder(start, end);
        return new TimeRange(roundedUp(start), roundedUp(end));
    }

    /**
     * Rounds an instant up to the next microsecond. An entry at 12:00:00.000001 is at or after a {@code from} of
     * 12:00:00.0000001, but PostgreSQL would round that parameter down to 12:00:00 and leave the entry out.
     */
    static Instant roundedUp(Instant instant) {
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(instant) ? instant : micros.plus(1, ChronoUnit.MICROS);
    }
}
