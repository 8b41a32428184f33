package dev.keyline.alert.domain;

import dev.keyline.schemas.events.DeviceStepCompleted;
import java.util.Map;

/**
 * The {@code key-exposure} alert for a device generalized while its product key was still in the registry, because
 * {@code slmgr /cpky} was not run after the key was installed. Anyone with the device can then read the key. High
 * rather than critical, because the line catches it before the device ships. A later {@code key-cleared} step of the
 * device resolves it.
 */
public final class UnclearedKeyRule {

    static final String REGISTRY = "registry";

    private UnclearedKeyRule() {}

    /** Evaluates a {@code generalized} step of a device the line provisioned, as {@code device} describes it. */
    public static Evaluation onGeneralized(DeviceStepCompleted step, DeviceFacts device) {
        if (device.keyCleared()) {
            return Evaluation.noChange();
        }
        String partialKey = device.partialKey() != null ? device.partialKey() : "unknown";
        AlertIdentity identity = AlertIdentity.of(
                AlertRule.KEY_EXPOSURE,
                Map.of(
                        "partialKey", partialKey,
                        "lineId", step.lineId(),
                        "stationId", step.stationId(),
                        "serial", step.serial(),
                        "location", REGISTRY));
        String summary = String.format(
                "station %s on line %s generalized device %s while key %s was still in its registry: 'slmgr /cpky'"
                        + " was not run after the key was installed by station %s",
                step.stationId(),
                step.lineId(),
                step.serial(),
                KeyNames.name(device.keyId(), device.partialKey()),
                device.stationId());
        String action = String.format(
                "run 'slmgr /cpky' on device %s and generalize it again before it ships, and report the key-cleared"
                        + " step; if an image was captured from it, remove the key from that image too",
                step.serial());
        return new Evaluation.Fire(identity, Severity.HIGH, summary, action);
    }

    /** Evaluates a {@code key-cleared} step: it resolves the device's alert, if one is active. */
    public static Evaluation onKeyCleared(DeviceStepCompleted step) {
        return new Evaluation.ResolveMatching(
                AlertRule.KEY_EXPOSURE,
                Map.of("serial", step.serial(), "location", REGISTRY),
                Map.of(),
                String.format(
                        "station %s on line %s reported the product key removed from the registry of device %s",
                        step.stationId(), step.lineId(), step.serial()));
    }
}
