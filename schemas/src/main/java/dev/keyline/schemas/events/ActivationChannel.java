package dev.keyline.schemas.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The way a device reached Microsoft's activation service. */
public enum ActivationChannel {
    INTERNET("internet"),
    PHONE("phone"),
    VAMT_PROXY("vamt-proxy");

    private final String wireName;

    ActivationChannel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ActivationChannel fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + wireName));
    }

    public static Optional<ActivationChannel> find(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
