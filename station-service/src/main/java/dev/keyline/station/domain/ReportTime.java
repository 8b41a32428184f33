package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the optional {@code time} member of a report: an RFC 3339 date-time with a zone offset. */
public final class ReportTime {

    /** How far a report's time may be ahead of the service's clock, for clocks that drift. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    /** The earliest time a report may carry. An earlier one comes from a station clock that was never set. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** RFC 3339's {@code date-time}: seconds required, a fraction with digits, {@code Z} or an offset with a colon. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:)([0-9]{2})(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    /** 23:59:59 as seconds of the day: a leap second is read as this second, in UTC. */
    private static final int LAST_SECOND = 24 * 60 * 60 - 1;

    private ReportTime() {}

    /**
     * Returns the instant of an RFC 3339 date-time, or nothing. Java's parser also takes forms that RFC 3339 does not,
     * such as a time without seconds or a fraction without digits, so the text is checked against the RFC's grammar
     * first. A fraction of more than nine digits is cut to nine, the nanoseconds an {@link Instant} has. A leap second
     * ({@code 23:59:60} in UTC, once the offset is applied) is read as the second before it, and a second 60 at another
     * time of day is no time.
     */
    public static Optional<Instant> parse(String time) {
        Matcher matcher = RFC_3339.matcher(time);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean leapSecond = matcher.group(2).equals("60");
        String fraction = matcher.group(3) == null
                ? ""
                : matcher.group(3).substring(0, Math.min(10, matcher.group(3).length()));
        String text = matcher.group(1) + (leapSecond ? "59" : matcher.group(2)) + fraction + matcher.group(4);
        try {
            Instant instant =
                    OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
            boolean lastSecondOfDay =
                    instant.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() == LAST_SECOND;
            return leapSecond && !lastSecondOfDay ? Optional.empty() : Optional.of(instant);
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
