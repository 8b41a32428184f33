package dev.keyline.ledger.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The part {@code [from, to)} of one UTC day that lies inside a report's range. A report over one hour has rows
 * whose day slice is that hour, so a row's counts are never read as the whole day's.
 */
public record DaySlice(Instant from, Instant to) {

    static DaySlice of(LocalDate day, Instant rangeFrom, Instant rangeTo) {
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant from = dayStart.isBefore(rangeFrom) ? rangeFrom : dayStart;
        Instant to = dayEnd.isAfter(rangeTo) ? rangeTo : dayEnd;
        return new DaySlice(from, to);
    }
}
