package dev.keyline.launcher;

import java.util.Arrays;
import java.util.Optional;

/** The station reports a scenario can send, each with its station-service endpoint. */
public enum ReportKind {
    DEVICE_PROVISIONED("device-provisioned"),
    ACTIVATION_ATTEMPTED("activation-attempted");

    private final String wireName;

    ReportKind(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the scenario's {@code kind} value, which is also the last segment of the endpoint path. */
    public String wireName() {
        return wireName;
    }

    public String path() {
        return "/api/v1/reports/" + wireName;
    }

    public static Optional<ReportKind> find(String wireName) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(wireName))
                .findFirst();
    }
}
