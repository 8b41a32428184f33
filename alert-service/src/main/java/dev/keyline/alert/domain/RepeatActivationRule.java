package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code repeat-activation}: one device activated successfully again and again, with a cause the line can fix.
 *
 * <ul>
 *   <li>Cause {@code uwf-enabled} (high): Unified Write Filter was on at activation, so the activation is lost at every
 *       restart and the device activates again. Fires when a success with UWF on brings the device's successes
 *       with UWF on within the window (default 24 hours) to {@code uwfRepeats} + 1, that is at the second repeat
 *       with the default {@code uwfRepeats} of 2. A later success with UWF off resolves it.
 *   <li>Cause {@code hardware-change} (warning): the device activated after its hardware hash changed since its
 *       previous success, which uses another activation. Fires at every such success and never resolves by itself.
 * </ul>
 *
 * A repeat on unchanged hardware with UWF off or unreported fires nothing.
 */
public final class RepeatActivationRule {

    static final String UWF_ENABLED = "uwf-enabled";
    static final String HARDWARE_CHANGE = "hardware-change";

    private final Duration window;
    private final int uwfRepeats;

    public RepeatActivationRule(Duration window, int uwfRepeats) {
        if (uwfRepeats < 1) {
            throw new IllegalArgumentException(
                    "repeat-activation uwf-repeats must be 1 or more, but is " + uwfRepeats + "; set a value >= 1");
        }
        this.window = window;
        this.uwfRepeats = uwfRepeats;
    }

    public Duration window() {
        return window;
    }

    /**
     * Evaluates a successful activation. {@code inWindow} contains the device's successes within the window up to and
     * including this one, oldest first. {@code previous} is the device's success before this one, at any time.
     */
    public List<Evaluation> evaluate(
            ActivationAttempted attempt,
            String keyId,
            List<DeviceActivation> inWindow,
            Optional<DeviceActivation> previous) {
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.add(uwf(attempt, keyId, inWindow));
        evaluations.add(hardware(attempt, keyId, previous));
        return evaluations;
    }

    private Evaluation uwf(ActivationAttempted attempt, String keyId, List<DeviceActivation> inWindow) {
        AlertIdentity identity = identity(attempt, keyId, UWF_ENABLED);
        if (Boolean.FALSE.equals(attempt.uwfEnabled())) {
            return new Evaluation.Resolve(
                    identity,
                    String.format(
                            "device %s activated with Unified Write Filter off on line %s",
                            attempt.serial(), attempt.lineId()));
        }
        if (!Boolean.TRUE.equals(attempt.uwfEnabled())) {
            return Evaluation.noChange();
        }

        long withUwf = inWindow.stream()
                .filter(activation -> Boolean.TRUE.equals(activation.uwfEnabled()))
                .count();
        if (withUwf - 1 < uwfRepeats) {
            return Evaluation.noChange();
        }
        String summary = String.format(
                "device %s on line %s activated %d times within %s with Unified Write Filter on (key %s), so each"
                        + " activation is lost at restart and the device activates again",
                attempt.serial(), attempt.lineId(), withUwf, DurationText.of(window), keyName(keyId, attempt));
        String action = String.format(
                "on device %s, disable UWF ('uwfmgr filter disable', then restart), activate, then re-enable UWF"
                        + " ('uwfmgr filter enable'); change the line's activation step so it activates before"
                        + " enabling UWF",
                attempt.serial());
        return new Evaluation.Fire(identity, Severity.HIGH, summary, action);
    }

    private Evaluation hardware(ActivationAttempted attempt, String keyId, Optional<DeviceActivation> previous) {
        String before = previous.map(DeviceActivation::hardwareHash).orElse(null);
        String now = attempt.hardwareHash();
        if (before == null || now == null || before.equals(now)) {
            return Evaluation.noChange();
        }
        String summary = String.format(
                "device %s on line %s activated again after its hardware hash changed from %s to %s, which uses"
                        + " another activation of key %s",
                attempt.serial(), attempt.lineId(), abbreviate(before), abbreviate(now), keyName(keyId, attempt));
        String action = String.format(
                "confirm that device %s had a hardware change such as a motherboard swap; if it was not repaired, check"
                        + " whether its serial is used on other hardware; the Microsoft-reported count settles"
                        + " whether the reactivation used an activation",
                attempt.serial());
        return new Evaluation.Fire(identity(attempt, keyId, HARDWARE_CHANGE), Severity.WARNING, summary, action);
    }

    private static AlertIdentity identity(ActivationAttempted attempt, String keyId, String cause) {
        Map<String, String> labels = KeyNames.labels(keyId, null);
        labels.put("serial", attempt.serial());
        labels.put("lineId", attempt.lineId());
        labels.put("cause", cause);
        return AlertIdentity.of(AlertRule.REPEAT_ACTIVATION, labels);
    }

    private static String keyName(String keyId, ActivationAttempted attempt) {
        return KeyNames.name(keyId, attempt.partialKey());
    }

    private static String abbreviate(String hash) {
        return hash.length() <= 12 ? hash : hash.substring(0, 12) + "...";
    }
}
