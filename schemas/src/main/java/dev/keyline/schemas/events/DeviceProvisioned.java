package dev.keyline.schemas.events;

/**
 * A station installed a production key on a device. The key is named by {@code keyId}, by {@code partialKey} (its
 * last five characters, as {@code slmgr /dli} prints them), or by both.
 */
public record DeviceProvisioned(
        String serial,
        String lineId,
        String stationId,
        String keyId,
        String partialKey,
        ProvisioningMethod method,
        boolean keyCleared,
        String notes)
        implements LineEvent {}
