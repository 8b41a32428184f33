package dev.keyline.schemas;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the {@code time} attribute of a CloudEvent: an RFC 3339 date-time with a zone offset. The form Keyline's
 * producers write, {@code Instant.toString()} such as {@code 2026-11-02T06:00:00Z} or with up to nine fraction digits,
 * is read by hand, because {@link OffsetDateTime#parse} costs a few microseconds per event on the ledger's hot path.
 * Every other form goes to {@link OffsetDateTime#parse}, so both paths accept exactly the same strings.
 */
public final class EventTime {

    /** The date and time up to the seconds, where {@code d} is any digit and every other character is itself. */
    private static final String LAYOUT = "dddd-dd-ddTdd:dd:dd";

    private static final int SECONDS_END = LAYOUT.length();

    private EventTime() {}

    /** The first and last instants an event's {@code time} can carry: the envelope allows years of four digits. */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * The earliest time a consumer books an event at. An earlier one comes from a clock that was never set. The
     * station-service rejects reports before it too.
     */
    public static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2000-01-01T00:00:00Z");

    /** How far an event's time may be ahead of a consumer's clock, for clocks that drift. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    /**
     * Returns why an event at {@code time} cannot have happened by {@code now}: it is before {@link
     * #EARLIEST_PLAUSIBLE} or more than {@link #MAX_AHEAD} after {@code now}. Returns nothing for a plausible time.
     * Consumers dead-letter such events, because one far-future time would date balances, forecasts and pruning by it.
     */
    public static Optional<String> implausibility(Instant time, Instant now) {
        if (time.isBefore(EARLIEST_PLAUSIBLE)) {
            return Optional.of("time " + time + " is before " + EARLIEST_PLAUSIBLE
                    + ", so the producer's clock was not set; correct the time and produce the event again");
        }
        if (time.isAfter(now.plus(MAX_AHEAD))) {
            return Optional.of("time " + time + " is more than a day after the consumer's clock (" + now
                    + "); correct the producer's clock and produce the event again");
        }
        return Optional.empty();
    }

    /** Returns true when the instant, written by {@code Instant.toString()}, fits the envelope's {@code time}. */
    public static boolean fitsEnvelope(Instant time) {
        return !time.isBefore(FIRST) && !time.isAfter(LAST);
    }

    /** Returns the instant {@code text} names, or nothing when it is not an RFC 3339 date-time with an offset. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int nanos = utcFraction(text);
        if (nanos >= 0) {
            try {
                LocalDateTime local = LocalDateTime.of(
                        number(text, 0, 4),
                        number(text, 5, 7),
                        number(text, 8, 10),
                        number(text, 11, 13),
                        number(text, 14, 16),
                        number(text, 17, 19),
                        nanos);
                return Optional.of(local.toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns exactly what {@code time.toString()} returns, such as {@code 2026-11-02T06:00:00Z} or
     * {@code 2026-11-02T06:00:00.120Z}, without {@link java.time.format.DateTimeFormatter}, which took about 3 % of the
     * ledger's CPU when it chained journal entries (docs/BENCHMARKS.md). Instants outside the years 0000 to 9999 go to
     * {@code toString()} itself.
     */
    public static String format(Instant time) {
        if (!fitsEnvelope(time)) {
            return time.toString();
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        int nanos = time.getNano();
        StringBuilder text = new StringBuilder(SECONDS_END + 11);
        digits(text, local.getYear(), 4);
        digits(text.append('-'), local.getMonthValue(), 2);
        digits(text.append('-'), local.getDayOfMonth(), 2);
        digits(text.append('T'), local.getHour(), 2);
        digits(text.append(':'), local.getMinute(), 2);
        digits(text.append(':'), local.getSecond(), 2);
        // Instant.toString writes the fraction in groups of three digits, as many groups as it needs.
        if (nanos % 1_000_000 == 0) {
            if (nanos != 0) {
                digits(text.append('.'), nanos / 1_000_000, 3);
            }
        } else if (nanos % 1_000 == 0) {
            digits(text.append('.'), nanos / 1_000, 6);
        } else {
            digits(text.append('.'), nanos, 9);
        }
        return text.append('Z').toString();
    }

    /** Appends {@code value}, which is not negative, as exactly {@code count} digits with leading zeros. */
    private static void digits(StringBuilder text, int value, int count) {
        int at = text.length();
        text.setLength(at + count);
        for (int i = at + count - 1; i >= at; i--) {
            text.setCharAt(i, (char) ('0' + value % 10));
            value /= 10;
        }
    }

    /**
     * Returns the nanoseconds of {@code text} when it has the layout {@code dddd-dd-ddTdd:dd:dd[.d{1,9}]Z}, else -1.
     * The field values are checked later, by {@link LocalDateTime#of}.
     */
    private static int utcFraction(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || length == SECONDS_END + 2 || length > SECONDS_END + 11) {
            return -1;
        }
        for (int i = 0; i < SECONDS_END; i++) {
            char c = text.charAt(i);
            char expected = LAYOUT.charAt(i);
            boolean matches = expected == 'd' ? isDigit(c) : c == expected;
            if (!matches) {
                return -1;
            }
        }
        if (text.charAt(length - 1) != 'Z') {
            return -1;
        }
        if (length == SECONDS_END + 1) {
            return 0;
        }
        if (text.charAt(SECONDS_END) != '.') {
            return -1;
        }
        int nanos = 0;
        for (int i = SECONDS_END + 1; i < length - 1; i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
            nanos = nanos * 10 + (text.charAt(i) - '0');
        }
        for (int digits = length - SECONDS_END - 2; digits < 9; digits++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
