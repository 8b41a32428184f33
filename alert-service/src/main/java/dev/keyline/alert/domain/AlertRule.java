package dev.keyline.alert.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rules the alert service evaluates, by the name that alerts and the REST filter use. */
public enum AlertRule {
    KEY_LOW("key-low"),
    KEY_EXHAUSTED("key-exhausted"),
    KEY_OVER_COMMITTED("key-over-committed"),
    DEPLETION_FORECAST("depletion-forecast"),
    UNEXPLAINED_CONSUMPTION("unexplained-consumption"),
    CONSUMPTION_ABOVE_PRODUCTION("consumption-above-production"),
    ACTIVATION_UNKNOWN_DEVICE("activation-unknown-device"),
    KEY_EXPOSURE("key-exposure"),
    KEY_BLOCKED("key-blocked"),
    REPEAT_ACTIVATION("repeat-activation"),
    ACTIVATION_FAILURE_SPIKE("activation-failure-spike"),
    DEAD_LETTER("dead-letter");

    private final String wireName;

    AlertRule(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<AlertRule> find(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AlertRule::wireName).toList();
    }
}
