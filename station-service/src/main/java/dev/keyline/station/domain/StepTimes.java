package dev.keyline.station.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a step's time against the device's latest step, the one with the latest time. Stations on one line keep their
 * own clocks, so a step dated a little before it is normal. One dated more than {@link #TOLERANCE} before it gets a
 * warning, because the history lists steps in the order they were received, and its times would contradict that order.
 */
public final class StepTimes {

    /** The clock drift between stations: how far a step may be dated before the latest one without a warning. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StepTimes() {}

    /**
     * Returns the warning for a step dated {@code time}, or nothing when it is not more than the tolerance before the
     * device's latest step, or the device has no step yet.
     *
     * @param previousStep the wire name of the device's step with the latest time, or null
     * @param previousTime the time of that step, or null
     */
    public static Optional<String> warning(
            ManufacturingStep step, Instant time, String previousStep, Instant previousTime) {
        if (previousStep == null || previousTime == null || !time.isBefore(previousTime.minus(TOLERANCE))) {
            return Optional.empty();
        }
        return Optional.of("step " + step.wireName() + " is dated " + time + ", before the device's previous step "
                + previousStep + " at " + previousTime + "; the history lists steps in the order received, so check the"
                + " station's clock or the time it sent");
    }
}
