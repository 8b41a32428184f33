package dev.keyline.launcher;

import java.util.Arrays;
import java.util.Optional;

/** The station reports a scenario can send as JSON, each with its station-service endpoint. */
public enum ReportKind {
    DEVICE_PROVISIONED("device-provisioned"),
    ACTIVATION_ATTEMPTED("activation-attempted"),
    /** A manufacturing step, sent to {@code POST /api/v1/devices/{serial}/steps}. */
    DEVICE_STEP("step");

    private final String wireName;

    ReportKind(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the scenario's {@code kind} value, which for the two report kinds is the last segment of the path. */
    public String wireName() {
        return wireName;
    }

    /** Returns the endpoint path; only {@link #DEVICE_STEP} puts {@code serial} in it. */
    public String path(String serial) {
        if (this == DEVICE_STEP) {
            return "/api/v1/devices/" + serial + "/steps";
        }
        return "/api/v1/reports/" + wireName;
    }

    /** Returns whether the scenario line names the device outside the report, as the endpoint path needs it. */
    public boolean serialInPath() {
        return this == DEVICE_STEP;
    }

    public static Optional<ReportKind> find(String wireName) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(wireName))
                .findFirst();
    }
}
