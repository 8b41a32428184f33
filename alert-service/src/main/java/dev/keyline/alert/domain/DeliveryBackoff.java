package dev.keyline.alert.domain;

import java.time.Duration;

/**
 * The wait before a delivery target is called again after failures in a row: {@code initial * 2^(failures - 1)},
 * capped at {@code max}. The back-off belongs to the target, not to one item, so a failing target is not flooded.
 */
public record DeliveryBackoff(Duration initial, Duration max) {

    public DeliveryBackoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("delivery back-off must have 0 <= initial <= max, but has initial "
                    + initial + " and max " + max + "; set the initial back-off at most the max back-off");
        }
    }

    /** Returns the wait after {@code failures} failed attempts in a row; zero when there were none. */
    public Duration after(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
