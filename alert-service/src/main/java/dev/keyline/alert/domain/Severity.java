package dev.keyline.alert.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Urgency of an alert, with the names that the {@code keyline.alert.changed.v1} schema allows. */
public enum Severity {
    INFO("info"),
    WARNING("warning"),
    HIGH("high"),
    CRITICAL("critical");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Severity> find(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Severity::wireName).toList();
    }
}
