package dev.keyline.ledger.rest;

import java.time.Duration;

/**
 * ISO-8601 durations written in days and time, such as {@code P14D} or {@code P1DT12H}, where a day is 24 hours.
 * {@link Duration#toString()} writes hours only ({@code PT336H}), which is hard to read for periods of weeks.
 * {@link Duration#parse(CharSequence)} reads both forms.
 */
final class IsoDurations {

    private IsoDurations() {}

    static String format(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return duration.toString();
        }
        long days = duration.toDays();
        Duration time = duration.minusDays(days);
        if (time.isZero()) {
            return "P" + days + "D";
        }
        if (days == 0) {
            return time.toString();
        }
        // time.toString() starts with "PT"; keep the "T" part after the days.
        return "P" + days + "D" + time.toString().substring(1);
    }
}
