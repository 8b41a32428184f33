package dev.keyline.ledger.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The booking rules as a pure function: given a line event, the device's current record and the registered key the
 * event names, it returns what changes. Nothing here reads or writes a database, so every rule is tested directly.
 *
 * <p>Within one installation the resulting balances do not depend on the order in which a device's provisioning and
 * activations arrive: a success that comes first is booked as unattributed consumption and matched when the
 * provisioning arrives.
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
        // Key exposures and workflow steps change no count.
        return Booking.of(device);
    }

    private static Booking provision(DeviceProvisioned event, Instant time, DeviceState device, KeyRef key) {
        String keyId = key == null ? null : key.keyId();
        String partialKey = key == null ? event.partialKey() : key.partialKey();
        String method = event.method().wireName();

        if (device == null) {
            DeviceState created = new DeviceState(
                    event.serial(),
                    keyId,
                    partialKey,
                    event.lineId(),
                    event.stationId(),
                    method,
                    DeviceStatus.PROVISIONED,
                    0,
                    0,
                    null,
                    time,
                    null,
                    null,
                    null,
                    0);
            return keyId == null ? Booking.of(created) : Booking.of(created, commit(keyId, event));
        }

        boolean activatedFirst = device.status() == DeviceStatus.UNATTRIBUTED && device.successfulActivations() > 0;
        if (activatedFirst && keyId != null && keyId.equals(device.keyId())) {
            // The activation arrived before this provisioning: it is now accounted for, and consumed nothing more.
            DeviceState matched = device.provisioned(
                    keyId, partialKey, event.lineId(), event.stationId(), method, DeviceStatus.ACTIVATED, time);
            return Booking.matched(matched, KeyMovement.of(keyId, EntryType.MATCHED, event.serial()));
        }
        if (activatedFirst
                && keyId != null
                && device.keyId() != null
                && !keyId.equals(device.keyId())
                && device.activatedAt() != null
                && time.isBefore(device.activatedAt())) {
            // The device activated with another key after this provisioning: this key was never going to be
            // consumed by it. Committed and released at once, as the other order of arrival books it.
            DeviceState superseded = device.withSupersededProvisioning(event.lineId(), event.stationId(), method, time);
            return Booking.of(
                    superseded, commit(keyId, event), KeyMovement.of(keyId, EntryType.RELEASED, event.serial()));
        }
        if (activatedFirst && keyId == null && device.activatedAt() != null && !time.isAfter(device.activatedAt())) {
            // A provisioning that names no registered key, timed no later than the success that arrived before it,
            // changes no count: the device stays on the key it activated with, as in the other order of arrival.
            DeviceState superseded = device.withSupersededProvisioning(event.lineId(), event.stationId(), method, time);
            return Booking.of(superseded);
        }
        if (activatedFirst && keyId != null && device.keyId() == null) {
            // An activation that named no key arrived first and consumed nothing: it consumed this key, which the
            // provisioning now names. Booked as the unattributed success it would have been, matched at once.
            DeviceState matched = device.provisioned(
                    keyId, partialKey, event.lineId(), event.stationId(), method, DeviceStatus.ACTIVATED, time);
            return Booking.matched(
                    matched,
                    KeyMovement.of(keyId, EntryType.UNATTRIBUTED_CONSUMED, event.serial()),
                    KeyMovement.of(keyId, EntryType.MATCHED, event.serial()));
        }

        DeviceState provisioned = device.provisioned(
                keyId, partialKey, event.lineId(), event.stationId(), method, DeviceStatus.PROVISIONED, time);
        boolean holdsCommitment = device.status() == DeviceStatus.PROVISIONED && device.keyId() != null;
        if (holdsCommitment && Objects.equals(device.keyId(), keyId)) {
            // Provisioned again before activating, on the same key: it still has its one commitment.
            return Booking.of(provisioned);
        }
        if (holdsCommitment) {
            KeyMovement release = KeyMovement.of(device.keyId(), EntryType.RELEASED, event.serial());
            return keyId == null
                    ? Booking.of(provisioned, release)
                    : Booking.of(provisioned, release, commit(keyId, event));
        }
        // Re-imaged after activation, or seen before only in attempts: it commits one activation again.
        return keyId == null ? Booking.of(provisioned) : Booking.of(provisioned, commit(keyId, event));
    }

    private static Booking activate(ActivationAttempted event, Instant time, DeviceState device, KeyRef key) {
        boolean keylessSuccessBefore = device != null
                && device.status() == DeviceStatus.UNATTRIBUTED
                && device.keyId() == null
                && device.successfulActivations() > 0;
        if (keylessSuccessBefore && key != null) {
            // An earlier success named no key and consumed nothing. This attempt names the device's key, so that
            // success consumed it: booked now as unattributed, as it would have been had this attempt come first.
            DeviceState adopted = device.withKey(key.keyId(), key.partialKey(), device.status());
            Booking booking = activate(event, time, adopted, key);
            List<KeyMovement> movements = new ArrayList<>();
            movements.add(KeyMovement.of(key.keyId(), EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
            movements.addAll(booking.movements());
            return new Booking(
                    booking.device(), List.copyOf(movements), booking.unattributedReason(), booking.matched());
        }
        if (!event.succeeded()) {
            DeviceState base = device != null ? keyOfFirstAttempt(device, key) : unattributedDevice(event, key);
            return Booking.of(base.withActivation(event.result(), false, base.status(), time));
        }
        boolean neverProvisioned = device == null
                || device.status() == DeviceStatus.SCRAPPED
                || (device.status() == DeviceStatus.UNATTRIBUTED && device.successfulActivations() == 0);
        if (neverProvisioned) {
            // Unknown, scrapped, or seen before only in failed attempts: a success is unattributed consumption of the
            // key it names. Without one, it consumes the key of the device's record: the key a scrapped device was
            // provisioned with, or the key a failed attempt named.
            DeviceState base = device != null ? device : unattributedDevice(event, key);
            if (key != null && !key.keyId().equals(base.keyId())) {
                // The device moves to the key it consumed, so a later provisioning with that key matches it.
                base = base.withKey(key.keyId(), key.partialKey(), base.status());
            }
            DeviceState unknown = succeed(base, event, DeviceStatus.UNATTRIBUTED, time, false);
            String consumedKey = base.keyId();
            return consumedKey == null
                    ? Booking.unattributed(unknown, ActivationUnattributed.DEVICE_NOT_PROVISIONED)
                    : Booking.unattributed(
                            unknown,
                            ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                            KeyMovement.of(consumedKey, EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
        }
        boolean otherKey = key != null && device.keyId() != null && !key.keyId().equals(device.keyId());
        boolean holdsCommitment = device.status() == DeviceStatus.PROVISIONED && device.keyId() != null;
        boolean afterProvisioning = device.provisionedAt() == null || !time.isBefore(device.provisionedAt());
        boolean provisionedWithoutKey = device.status() == DeviceStatus.PROVISIONED && device.keyId() == null;
        if (provisionedWithoutKey && key != null) {
            // Provisioned with a key the ledger does not have, and activated with one it has: that key is consumed,
            // unattributed, because no booked commitment explains the activation. A success timed after the
            // provisioning moves the device to the key, as a success on another key does.
            DeviceState recorded = afterProvisioning
                    ? succeed(device, event, DeviceStatus.UNATTRIBUTED, time, false)
                            .withKey(key.keyId(), key.partialKey(), DeviceStatus.UNATTRIBUTED)
                    : device.withActivation(event.result(), true, device.status(), time);
            return Booking.unattributed(
                    recorded,
                    ActivationUnattributed.DEVICE_ON_OTHER_KEY,
                    KeyMovement.of(key.keyId(), EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
        }
        if (otherKey && holdsCommitment && afterProvisioning) {
            // Activated with another key than the one provisioned: that key is consumed, unattributed, and the
            // provisioned key's commitment is released, because this device will not consume it.
            DeviceState moved = succeed(device, event, DeviceStatus.UNATTRIBUTED, time, false)
                    .withKey(key.keyId(), key.partialKey(), DeviceStatus.UNATTRIBUTED);
            return Booking.unattributed(
                    moved,
                    ActivationUnattributed.DEVICE_ON_OTHER_KEY,
                    KeyMovement.of(device.keyId(), EntryType.RELEASED, event.serial()),
                    KeyMovement.of(key.keyId(), EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
        }
        if (otherKey) {
            DeviceState recorded = device.withActivation(event.result(), true, device.status(), time);
            return Booking.unattributed(
                    recorded,
                    ActivationUnattributed.DEVICE_ON_OTHER_KEY,
                    KeyMovement.of(key.keyId(), EntryType.UNATTRIBUTED_CONSUMED, event.serial()));
        }
        if (device.status() == DeviceStatus.PROVISIONED && device.keyId() != null) {
            DeviceState activated = succeed(device, event, DeviceStatus.ACTIVATED, time, false);
            return Booking.of(activated, KeyMovement.of(device.keyId(), EntryType.CONSUMED, event.serial()));
        }
        if (hardwareChanged(device, event)) {
            DeviceState reactivated = succeed(device, event, device.status(), time, true);
            return device.keyId() == null
                    ? Booking.of(reactivated)
                    : Booking.of(reactivated, KeyMovement.of(device.keyId(), EntryType.REACTIVATED, event.serial()));
        }
        // Activated before within the same installation on unchanged hardware: recorded, consumes nothing.
        DeviceState repeated = succeed(device, event, device.status(), time, false);
        return device.keyId() == null
                ? Booking.of(repeated)
                : Booking.of(repeated, KeyMovement.of(device.keyId(), EntryType.REPEAT, event.serial()));
    }

    /** Returns true when a success reports a different hardware hash than the device's last success. */
    private static boolean hardwareChanged(DeviceState device, ActivationAttempted event) {
        return device.successfulActivations() > 0
                && device.hardwareHash() != null
                && event.hardwareHash() != null
                && !device.hardwareHash().equals(event.hardwareHash());
    }

    private static DeviceState succeed(
            DeviceState device, ActivationAttempted event, DeviceStatus status, Instant time, boolean reactivation) {
        return device.withActivation(
                event.result(), true, status, time, event.hardwareHash(), event.uwfEnabled(), reactivation);
    }

    /**
     * Gives a device seen only in attempts that named no key the key a later attempt names. A keyless success after
     * it then consumes that key, as it does when the attempt that names the key comes first.
     */
    private static DeviceState keyOfFirstAttempt(DeviceState device, KeyRef key) {
        boolean keylessUnknown = device.status() == DeviceStatus.UNATTRIBUTED && device.keyId() == null;
        return keylessUnknown && key != null ? device.withKey(key.keyId(), key.partialKey(), device.status()) : device;
    }

    private static KeyMovement commit(String keyId, DeviceProvisioned event) {
        return KeyMovement.of(keyId, EntryType.COMMITTED, event.serial());
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
                null,
                null,
                null,
                0);
    }
}
