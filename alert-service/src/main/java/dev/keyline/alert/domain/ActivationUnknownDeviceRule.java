package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code activation-unknown-device}: a successful activation used a count of one of our keys, but no device
 * provisioned with that key accounts for it. It fires for every such activation and resolves when the ledger matches
 * the activation to a provisioning report that arrived later.
 */
public final class ActivationUnknownDeviceRule {

    private ActivationUnknownDeviceRule() {}

    public static Evaluation evaluate(ActivationUnattributed activation) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("serial", activation.serial());
        putIfPresent(labels, "keyId", activation.keyId());
        putIfPresent(labels, "partialKey", activation.partialKey());
        putIfPresent(labels, "lineId", activation.lineId());
        AlertIdentity identity = AlertIdentity.of(AlertRule.ACTIVATION_UNKNOWN_DEVICE, labels);

        return new Evaluation.Fire(identity, Severity.HIGH, summary(activation), action(activation));
    }

    /**
     * Resolves the device's alerts for the matched key. An alert raised without a {@code keyId} label, because the
     * activation named only the partial key, resolves too.
     */
    public static Evaluation resolve(ActivationMatched matched) {
        Map<String, String> ifPresent = new LinkedHashMap<>();
        ifPresent.put("keyId", matched.keyId());
        putIfPresent(ifPresent, "partialKey", matched.partialKey());
        String summary = String.format(
                "the ledger matched the activation of device %s to its provisioning with key %s, which arrived later",
                matched.serial(), matched.keyId());
        return new Evaluation.ResolveMatching(
                AlertRule.ACTIVATION_UNKNOWN_DEVICE, Map.of("serial", matched.serial()), ifPresent, summary);
    }

    private static String summary(ActivationUnattributed activation) {
        String why = ActivationUnattributed.DEVICE_ON_OTHER_KEY.equals(activation.reason())
                ? "the ledger has the device on another key"
                : "no station reported provisioning the device";
        return String.format(
                "device %s activated with %s%s, but %s (reason %s)",
                activation.serial(), keyName(activation), lineName(activation), why, activation.reason());
    }

    private static String action(ActivationUnattributed activation) {
        return String.format(
                "check where device %s came from and which station installed %s on it; if no line of ours"
                        + " built it, treat the key as leaked and compare its Microsoft-reported remaining count"
                        + " with the ledger",
                activation.serial(), keyName(activation));
    }

    private static String keyName(ActivationUnattributed activation) {
        if (activation.keyId() != null && activation.partialKey() != null) {
            return "key " + activation.keyId() + " (partial key " + activation.partialKey() + ")";
        }
        if (activation.keyId() != null) {
            return "key " + activation.keyId();
        }
        return activation.partialKey() != null ? "the key with partial key " + activation.partialKey() : "a key";
    }

    private static String lineName(ActivationUnattributed activation) {
        return activation.lineId() == null ? "" : " on line " + activation.lineId();
    }

    private static void putIfPresent(Map<String, String> labels, String name, String value) {
        if (value != null) {
            labels.put(name, value);
        }
    }
}
