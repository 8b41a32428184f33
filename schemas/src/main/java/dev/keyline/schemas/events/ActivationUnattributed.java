package dev.keyline.schemas.events;

/** A successful activation that no device provisioned with the reported key accounts for. */
public record ActivationUnattributed(
        String serial,
        String keyId,
        String partialKey,
        String lineId,
        String stationId,
        String reason,
        String causeEventId)
        implements LedgerEvent {

    public static final String DEVICE_NOT_PROVISIONED = "device-not-provisioned";
    public static final String DEVICE_ON_OTHER_KEY = "device-on-other-key";
}
