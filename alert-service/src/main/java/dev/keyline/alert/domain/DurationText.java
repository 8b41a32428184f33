package dev.keyline.alert.domain;

import java.time.Duration;

/**
 * Writes a configured duration for alert text in its largest whole unit, such as {@code 7 days}, {@code 24 hours} or
 * {@code 90 minutes}. Days are used from 2 days on, so a day reads as 24 hours.
 */
final class DurationText {

    private DurationText() {}

    static String of(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0 && duration.toDays() >= 2) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toMinutes() % 60 == 0 && duration.toHours() > 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toSeconds() % 60 == 0 && duration.toMinutes() > 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
