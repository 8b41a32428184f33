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
        Instant activatedAt,
        String hardwareHash,
        Boolean uwfEnabled,
        int reactivations) {

    DeviceState withActivation(String result, boolean success, DeviceStatus newStatus, Instant time) {
        return withActivation(result, success, newStatus, time, hardwareHash, uwfEnabled, false);
    }

    /** Records an attempt; a success keeps the hardware hash and UWF state it reported, when it reported them. */
    DeviceState withActivation(
            String result,
            boolean success,
            DeviceStatus newStatus,
            Instant time,
            String reportedHardwareHash,
            Boolean reportedUwf,
            boolean reactivation) {
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
                success && activatedAt == null ? time : activatedAt,
                success && reportedHardwareHash != null ? reportedHardwareHash : hardwareHash,
                success && reportedUwf != null ? reportedUwf : uwfEnabled,
                reactivations + (reactivation ? 1 : 0));
    }

    /** Returns this device on another key, such as the key it activated with instead of the one provisioned. */
    DeviceState withKey(String newKeyId, String newPartialKey, DeviceStatus newStatus) {
        return new DeviceState(
                serial,
                newKeyId,
                newPartialKey,
                lineId,
                stationId,
                method,
                newStatus,
                activationAttempts,
                successfulActivations,
                lastResult,
                provisionedAt,
                activatedAt,
                hardwareHash,
                uwfEnabled,
                reactivations);
    }

    /**
     * Returns this device with a provisioning that an activation with another key superseded: the provisioning's line,
     * station, method and time, and the key, status and activation it already had.
     */
    DeviceState withSupersededProvisioning(String newLine, String newStation, String newMethod, Instant time) {
        return new DeviceState(
                serial,
                keyId,
                partialKey,
                newLine,
                newStation,
                newMethod,
                status,
                activationAttempts,
                successfulActivations,
                lastResult,
                time,
                activatedAt,
                hardwareHash,
                uwfEnabled,
                reactivations);
    }

    /** Returns this device provisioned again, keeping its activation history. */
    DeviceState provisioned(
            String newKeyId,
            String newPartialKey,
            String newLine,
            String newStation,
            String newMethod,
            DeviceStatus newStatus,
            Instant time) {
        return new DeviceState(
                serial,
                newKeyId,
                newPartialKey,
                newLine,
                newStation,
                newMethod,
                newStatus,
                activationAttempts,
                successfulActivations,
                lastResult,
                time,
                newStatus == DeviceStatus.ACTIVATED ? activatedAt : null,
                hardwareHash,
                uwfEnabled,
                reactivations);
    }
}
