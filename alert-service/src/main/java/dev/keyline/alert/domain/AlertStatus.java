package dev.keyline.alert.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * State of an alert: {@code firing} while its condition is true, {@code acknowledged} once an operator has taken it on
 * while the condition is still true, {@code resolved} once the condition has cleared or an operator resolved it.
 */
public enum AlertStatus {
    FIRING("firing"),
    ACKNOWLEDGED("acknowledged"),
    RESOLVED("resolved");

    private final String wireName;

    AlertStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Returns whether an alert in this status still needs attention: firing or acknowledged. */
    public boolean active() {
        return this != RESOLVED;
    }

    public static Optional<AlertStatus> find(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AlertStatus::wireName).toList();
    }
}
