package dev.keyline.ledger.domain;

import java.time.Instant;

/** A device's record in the ledger. {@code keyId} is null while the device's key is not registered. */
public record DeviceState(
        String serial,
        String keyId,
        String partialKey,
        String lineId,
        String stationId,
        String method,
        DeviceStatus status,
        int activationAttempts,
        int successfulActivations,
        String lastResult,
        Instant provisionedAt,
        Instant activatedAt) {

    DeviceState withActivation(String result, boolean success, DeviceStatus newStatus, Instant time) {
        return new DeviceState(
                serial,
                keyId,
                partialKey,
                lineId,
                stationId,
                method,
                newStatus,
                activationAttempts + 1,
                successfulActivations + (success ? 1 : 0),
                result,
                provisionedAt,
                success && activatedAt == null ? time : activatedAt);
    }
}
