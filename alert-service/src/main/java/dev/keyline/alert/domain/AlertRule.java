package dev.keyline.alert.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rules the alert service evaluates, by the name that alerts and the REST filter use. */
public enum AlertRule {
    KEY_LOW("key-low"),
    ACTIVATION_UNKNOWN_DEVICE("activation-unknown-device"),
    KEY_EXPOSURE("key-exposure");

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
