package dev.keyline.station.artifact;

/**
 * The class of a product key found in an artifact. One of our registered keys is critical, because it can drain the
 * key's activations. A published generic setup key is only information. Any other key is a warning.
 */
public enum KeyClass {
    REGISTERED("registered", "critical"),
    GENERIC("generic", "info"),
    UNKNOWN("unknown", "warning");

    private final String wireName;
    private final String severity;

    KeyClass(String wireName, String severity) {
        this.wireName = wireName;
        this.severity = severity;
    }

    public String wireName() {
        return wireName;
    }

    public String severity() {
        return severity;
    }

    /** Returns whether a finding of this class keeps the device from shipping. */
    public boolean blocksShipping() {
        return this != GENERIC;
    }
}
