package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads the optional {@code time} member of a report: an RFC 3339 date-time with a zone offset. */
public final class ReportTime {

    private ReportTime() {}

    public static Optional<Instant> parse(String time) {
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Returns the error for a time that is present but unreadable, or nothing. */
    public static List<FieldError> errors(String time) {
        if (time == null || parse(time).isPresent()) {
            return List.of();
        }
        return List.of(new FieldError(
                "/time",
                "must be an RFC 3339 date-time with a zone offset" + Quoting.got(time),
                FieldFixes.forField("time")));
    }
}
