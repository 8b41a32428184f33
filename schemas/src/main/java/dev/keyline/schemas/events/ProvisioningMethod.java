package dev.keyline.schemas.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The way the production key reached the device image. */
public enum ProvisioningMethod {
    INTERACTIVE_SETUP("interactive-setup"),
    UNATTEND("unattend"),
    AUDIT_MODE_IPK("audit-mode-ipk"),
    OFFLINE_DISM("offline-dism");

    /** The values by wire name, looked up for every event Jackson decodes. */
    private static final Map<String, ProvisioningMethod> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProvisioningMethod::wireName, Function.identity()));

    private final String wireName;

    ProvisioningMethod(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static ProvisioningMethod fromWireName(String wireName) {
        return find(wireName)
                .orElseThrow(() -> new IllegalArgumentException("unknown provisioning method: " + wireName));
    }

    public static Optional<ProvisioningMethod> find(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
