package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reads the optional {@code time} member of a report: an RFC 3339 date-time with a zone offset. */
public final class ReportTime {

    /** How far a report's time may be ahead of the service's clock, for clocks that drift. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    /** The earliest time a report may carry. An earlier one comes from a station clock that was never set. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private ReportTime() {}

    public static Optional<Instant> parse(String time) {
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Returns the error for a time that is present but unreadable or too far ahead of the clock now, or nothing. */
    public static List<FieldError> errors(String time) {
        return errors(time, Instant.now());
    }

    /**
     * Returns the error for a time that is present but unreadable, before {@link #EARLIEST}, or later than {@link
     * #MAX_AHEAD} after {@code now}, or nothing. A report from the future means a station clock that is wrong, and its
     * time would misdate the books.
     */
    public static List<FieldError> errors(String time, Instant now) {
        if (time == null) {
            return List.of();
        }
        Optional<Instant> parsed = parse(time);
        if (parsed.isEmpty()) {
            return List.of(new FieldError(
                    "/time",
                    "must be an RFC 3339 date-time with a zone offset" + Quoting.got(time),
                    FieldFixes.forField("time")));
        }
        if (parsed.get().isBefore(EARLIEST)) {
            return List.of(new FieldError(
                    "/time",
                    "is before " + EARLIEST + ", so the station's clock is not set" + Quoting.got(time),
                    "set the station's clock and send the time the step happened, or leave time out to use the time"
                            + " of receipt"));
        }
        if (parsed.get().isAfter(now.plus(MAX_AHEAD))) {
            return List.of(new FieldError(
                    "/time",
                    "is more than a day after the service's clock (" + now + ")" + Quoting.got(time),
                    "set the station's clock and send the time the step happened, or leave time out to use the time"
                            + " of receipt"));
        }
        return List.of();
    }
}
