package dev.keyline.ledger.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses reading dates as VAMT and spreadsheets write them; a date without an offset is taken as UTC. */
final class ReadingTimes {

    private ReadingTimes() {}

    static Instant parse(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
