package dev.keyline.schemas.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The way the production key reached the device image. */
public enum ProvisioningMethod {
    INTERACTIVE_SETUP("interactive-setup"),
    UNATTEND("unattend"),
    AUDIT_MODE_IPK("audit-mode-ipk"),
    OFFLINE_DISM("offline-dism");

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
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }
}
