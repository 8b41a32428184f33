package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.DeviceEntity;
import java.time.Instant;

/** A device's record as the API returns it. */
public record DeviceResponse(
        String serial,
        String keyId,
        String partialKey,
        String lineId,
        String stationId,
        String method,
        String status,
        int activationAttempts,
        int successfulActivations,
        String lastResult,
        Instant provisionedAt,
        Instant activatedAt,
        int reactivations,
        Boolean uwfEnabledAtLastActivation) {

    public static DeviceResponse of(DeviceEntity device) {
        return new DeviceResponse(
                device.serial,
                device.keyId,
                device.partialKey,
                device.lineId,
                device.stationId,
                device.method,
                device.status.name().toLowerCase(java.util.Locale.ROOT),
                device.activationAttempts,
                device.successfulActivations,
                device.lastResult,
                device.provisionedAt,
                device.activatedAt,
                device.reactivations,
                device.uwfEnabled);
    }
}
