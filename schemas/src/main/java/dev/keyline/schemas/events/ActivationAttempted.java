package dev.keyline.schemas.events;

/**
 * A device attempted activation. {@code result} is {@code success} or the HRESULT of the failure in upper-case hex,
 * such as {@code 0xC004C020}; only a success can consume an activation. {@code hardwareHash} and
 * {@code uwfEnabled} are optional: the first tells a reactivation after a hardware change from a repeat, the second
 * explains activations lost at restart.
 */
public record ActivationAttempted(
        String serial,
        String lineId,
        String stationId,
        String keyId,
        String partialKey,
        ActivationChannel channel,
        String result,
        String notes,
        String hardwareHash,
        Boolean uwfEnabled)
        implements LineEvent {

    public static final String SUCCESS = "success";

    /** An attempt without hardware hash or Unified Write Filter state. */
    public ActivationAttempted(
            String serial,
            String lineId,
            String stationId,
            String keyId,
            String partialKey,
            ActivationChannel channel,
            String result,
            String notes) {
        this(serial, lineId, stationId, keyId, partialKey, channel, result, notes, null, null);
    }

    public boolean succeeded() {
        return SUCCESS.equals(result);
    }
}
