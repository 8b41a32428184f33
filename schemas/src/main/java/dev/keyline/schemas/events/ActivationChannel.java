package dev.keyline.schemas.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The way a device reached Microsoft's activation service. */
public enum ActivationChannel {
    INTERNET("internet"),
    PHONE("phone"),
    VAMT_PROXY("vamt-proxy");

    /** The values by wire name, looked up for every event Jackson decodes. */
    private static final Map<String, ActivationChannel> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ActivationChannel::wireName, Function.identity()));

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
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
