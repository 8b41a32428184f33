package dev.keyline.alert.rest;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.QuotedValue;
import dev.keyline.schemas.keys.KeyRedactor;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the instants of requests, such as a silence's {@code startsAt} and {@code endsAt}, and accepts only those from
 * {@link #EARLIEST} to {@link #LATEST}: the four-digit years that RFC 3339 writes. Beyond that range the database
 * rejects some instants with a 500, and stores {@code +300000-01-01} as {@code infinity}, which reads back as a date
 * far in the past.
 */
final class RequestInstants {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private RequestInstants() {}

    /**
     * Returns the instant {@code value} names, or adds an error on {@code field} to {@code errors} and returns null
     * when it is not an RFC 3339 date-time with an offset or lies outside the accepted range.
     */
    static Instant read(String field, String value, List<FieldError> errors) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            errors.add(new FieldError(
                    field,
                    "'" + quoted(value) + "' is not an RFC 3339 instant",
                    "send " + field + " such as 2026-12-05T18:00:00Z"));
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add(new FieldError(
                    field,
                    "'" + quoted(value) + "' is outside the accepted range " + EARLIEST + " to " + LATEST,
                    "send " + field + " from " + EARLIEST + " to " + LATEST + ", such as 2026-12-05T18:00:00Z"));
            return null;
        }
        return instant;
    }

    /**
     * Returns {@code value} with keys masked and cut to {@link QuotedValue#MAX_LENGTH} characters. Unlike {@link
     * QuotedValue#of}, it masks keys in the usual spellings only, because a timestamp with nine fractional digits has
     * 25 letters and digits once its separators are removed.
     */
    private static String quoted(String value) {
        String masked = KeyRedactor.maskAll(value);
        return masked.length() <= QuotedValue.MAX_LENGTH ? masked : masked.substring(0, QuotedValue.MAX_LENGTH) + "...";
    }
}
