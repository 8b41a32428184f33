package dev.keyline.schemas.events;

/**
 * A device attempted activation. {@code result} is {@code success} or the HRESULT of the failure in upper-case hex,
 * such as {@code 0xC004C020}; only a success can consume an activation.
 */
public record ActivationAttempted(
        String serial,
        String lineId,
        String stationId,
        String keyId,
        String partialKey,
        ActivationChannel channel,
        String result,
        String notes)
        implements LineEvent {

    public static final String SUCCESS = "success";

    public boolean succeeded() {
        return SUCCESS.equals(result);
    }
}
