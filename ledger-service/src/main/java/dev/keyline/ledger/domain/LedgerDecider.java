package dev.keyline.ledger.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The booking rules as a pure function: given a line event, the device's current record and the registered key the
 * event names, it returns what changes. Nothing here reads or writes a database, so every rule is tested directly.
 */
public final class LedgerDecider {

    private LedgerDecider() {}

    /**
     * Decides one event.
     *
     * @param device the device's record, or null when the ledger has never seen the serial
     * @param reportedKey the registered key the event names (by key id, else by a unique partial key), or null
     */
    public static Booking decide(LineEvent event, Instant time, DeviceState device, KeyRef reportedKey) {
        if (event instanceof DeviceProvisioned provisioned) {
            return provision(provisioned, time, device, reportedKey);
        }
        if (event instanceof ActivationAttempted attempt) {
            return activate(attempt, time, device, reportedKey);
        }
        // A key exposure changes no count; the alert service acts on it.
        return Booking.of(device);
    }

    private static Booking provision(DeviceProvisioned event, Instant time, DeviceState device, KeyRef key) {
        String keyId = key == null ? null : key.keyId();
        String partialKey = key == null ? event.partialKey() : key.partialKey();
        DeviceState provisioned = new DeviceState(
                event.serial(),
                keyId,
                partialKey,
                event.lineId(),
                event.stationId(),
                event.method().wireName(),
                DeviceStatus.PROVISIONED,
                device == null ? 0 : device.activationAttempts(),
                device == null ? 0 : device.successfulActivations(),
                device == null ? null : device.lastResult(),
                time,
                null);

        boolean holdsCommitment = device != null && device.status() == DeviceStatus.PROVISIONED;
        if (holdsCommitment && Objects.equals(device.keyId(), keyId)) {
            // Provisioned again before activating, on the same key: it still holds its one commitment.
            return Booking.of(provisioned);
        }
        if (holdsCommitment && device.keyId() != null) {
            KeyMovement release = KeyMovement.of(device.keyId(), EntryType.RELEASED, event.serial());
            return keyId == null
                    ? Booking.of(provisioned, release)
                    : Booking.of(provisioned, release, KeyMovement.of(keyId, EntryType.COMMITTED, event.serial()));
        }
        // New, re-imaged after activation, or seen before only at activation: it commits one activation again.
        // TODO: match an activation that arrived before its provisioning instead of committing again (out-of-order).
        return keyId == null
                ? Booking.of(provisioned)
                : Booking.of(provisioned, KeyMovement.of(keyId, EntryType.COMMITTED, event.serial()));
    }

    private static Booking activate(ActivationAttempted event, Instant time, DeviceState device, KeyRef key) {
        if (!event.succeeded()) {
            DeviceState base = device != null ? device : unattributedDevice(event, key);
            return Booking.of(base.withActivation(event.result(), false, base.status(), time));
        }
        if (device == null) {
            DeviceState unknown = unattributedDevice(event, key)
                    .withActivation(event.result(), true, DeviceStatus.UNATTRIBUTED, time);
            return key == null
                    ? Booking.unattributed(unknown, ActivationUnattributed.DEVICE_NOT_PROVISIONED)
                    : Booking.unattributed(
                            unknown,
                            ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                            KeyMovement.of(key.keyId(), EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
        }
        boolean otherKey = key != null && device.keyId() != null && !key.keyId().equals(device.keyId());
        if (otherKey) {
            DeviceState recorded = device.withActivation(event.result(), true, device.status(), time);
            return Booking.unattributed(
                    recorded,
                    ActivationUnattributed.DEVICE_ON_OTHER_KEY,
                    KeyMovement.of(key.keyId(), EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
        }
        if (device.status() == DeviceStatus.PROVISIONED && device.keyId() != null) {
            DeviceState activated = device.withActivation(event.result(), true, DeviceStatus.ACTIVATED, time);
            return Booking.of(activated, KeyMovement.of(device.keyId(), EntryType.CONSUMED, event.serial()));
        }
        // Activated before within the same installation: recorded, consumes nothing.
        DeviceState repeated = device.withActivation(event.result(), true, device.status(), time);
        return device.keyId() == null
                ? Booking.of(repeated)
                : Booking.of(repeated, KeyMovement.of(device.keyId(), EntryType.REPEAT, event.serial()));
    }

    private static DeviceState unattributedDevice(ActivationAttempted event, KeyRef key) {
        return new DeviceState(
                event.serial(),
                key == null ? null : key.keyId(),
                key == null ? event.partialKey() : key.partialKey(),
                event.lineId(),
                event.stationId(),
                null,
                DeviceStatus.UNATTRIBUTED,
                0,
                0,
                null,
                null,
                null);
    }
}
