package dev.keyline.station.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The manufacturing steps of a device, in the order the line must complete them. Each step names the command a station
 * runs for it, so a rejected step can tell the station what to do next.
 */
public enum ManufacturingStep {
    IMAGE_APPLIED("image-applied", "apply the image (DISM /Apply-Image), then report image-applied"),
    KEY_INSTALLED(
            "key-installed",
            "install the production key (unattend.xml ProductKey, slmgr /ipk in audit mode, or DISM /Set-ProductKey"
                    + " offline), then send a device-provisioned report"),
    KEY_CLEARED("key-cleared", "run slmgr /cpky, then report key-cleared"),
    GENERALIZED("generalized", "run sysprep /generalize /oobe, then report generalized"),
    QA_PASSED("qa-passed", "run the QA checks, then report qa-passed"),
    SHIPPED("shipped", "ship the device, then report shipped");

    private final String wireName;
    private final String instruction;

    ManufacturingStep(String wireName, String instruction) {
        this.wireName = wireName;
        this.instruction = instruction;
    }

    public String wireName() {
        return wireName;
    }

    /** Returns what a station runs to complete this step and how it reports it. */
    public String instruction() {
        return instruction;
    }

    /** Returns the step after this one, or nothing after {@link #SHIPPED}. */
    public Optional<ManufacturingStep> next() {
        int index = ordinal() + 1;
        return index < values().length ? Optional.of(values()[index]) : Optional.empty();
    }

    public boolean isAfter(ManufacturingStep other) {
        return ordinal() > other.ordinal();
    }

    public static Optional<ManufacturingStep> find(String wireName) {
        return Arrays.stream(values())
                .filter(step -> step.wireName.equals(wireName))
                .findFirst();
    }

    /** Returns the wire names of the steps a station reports through the steps endpoint, for messages. */
    public static String reportableWireNames() {
        return "image-applied, key-cleared, generalized, qa-passed, shipped";
    }
}
