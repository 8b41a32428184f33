package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.Booking;
import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.JournalHash;
import dev.keyline.ledger.domain.KeyMovement;
import dev.keyline.ledger.domain.KeyRef;
import dev.keyline.ledger.domain.KeyResolution;
import dev.keyline.ledger.domain.KeyState;
import dev.keyline.ledger.domain.LedgerDecider;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Books one batch's new events in memory, in order, with the pure {@link LedgerDecider}: it keeps each device's
 * latest state, moves the keys' counts and chain heads, and collects the rows and ledger events the batch writes
 * when it commits. Nothing here touches the database.
 */
final class BatchLedger {

    private final KeyDirectory keys;
    private final Map<String, DeviceState> devices;
    private final Set<String> stored;
    private final Map<String, DeviceState> changedDevices = new LinkedHashMap<>();
    private final Map<String, Touch> touched = new LinkedHashMap<>();
    private final List<ActivationUnattributed> unattributed = new ArrayList<>();
    private final List<ActivationMatched> matched = new ArrayList<>();
    private final List<NewDeviceEvent> history = new ArrayList<>();
    private final List<NewJournalEntry> journal = new ArrayList<>();
    private final List<BookingFinding> findings = new ArrayList<>();

    /**
     * @param keys the registered keys, locked for this transaction where the batch names them
     * @param devices the stored state of the batch's devices, by serial; devices the ledger never saw are absent
     */
    BatchLedger(KeyDirectory keys, Map<String, DeviceState> devices) {
        this.keys = keys;
        this.devices = new LinkedHashMap<>(devices);
        this.stored = Set.copyOf(devices.keySet());
    }

    /** Books one event that was not booked before. */
    void book(CloudEvent<?> event, LineEvent data) {
        String serial = event.subject();
        DeviceState before = devices.get(serial);
        String keyId = keyIdOf(data);
        String partialKey = partialKeyOf(data);
        KeyRef key = keys.resolve(keyId, partialKey);
        if (KeyResolution.overridesKeyId(keyId, keys.named(keyId), key)) {
            findings.add(BookingFinding.warn(
                    "event %s of device %s names key %s, but its partial key %s is another key's; booked against %s",
                    event.id(), serial, keyId, partialKey, key == null ? "no key" : key.keyId()));
        }
        Booking booking = LedgerDecider.decide(data, event.time(), before, key);

        if (booking.device() != null) {
            devices.put(serial, booking.device());
            changedDevices.put(serial, booking.device());
        }
        if (booking.matched()) {
            recordMatch(event, booking.device());
        }
        if (booking.unattributedReason() != null) {
            recordUnattributed(event, (ActivationAttempted) data, key, booking);
        }
        history.add(history(event, data, key, booking));
        markKeyState(event, data, key, before);
        for (KeyMovement movement : booking.movements()) {
            move(event, movement);
        }
        if (data instanceof DeviceProvisioned && key != null) {
            markProvisioningBooked(key.keyId(), event);
        }
    }

    Collection<DeviceState> changedDevices() {
        return changedDevices.values();
    }

    /** Returns the changed devices that were not stored when the batch loaded its devices: rows to insert. */
    List<DeviceState> addedDevices() {
        return changedDevices.values().stream()
                .filter(device -> !stored.contains(device.serial()))
                .toList();
    }

    /** Returns the changed devices that were stored when the batch loaded its devices: rows to update. */
    List<DeviceState> storedDevicesChanged() {
        return changedDevices.values().stream()
                .filter(device -> stored.contains(device.serial()))
                .toList();
    }

    /** Returns the keys whose counts, chain head or state this batch changed. */
    List<ProductKeyEntity> touchedKeys() {
        return touched.values().stream().map(Touch::key).toList();
    }

    List<NewDeviceEvent> history() {
        return history;
    }

    List<NewJournalEntry> journal() {
        return journal;
    }

    /** Returns what the booking found for the log, in booking order. The caller logs it once the batch commits. */
    List<BookingFinding> findings() {
        return findings;
    }

    /** Returns one balance-changed event per touched key, then the unattributed and matched findings. */
    List<OutboxMessage> outgoing(LedgerEvents events) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (Touch touch : touched.values()) {
            messages.add(events.balanceChanged(touch.key(), touch.lastEventId(), touch.lastEventTime()));
        }
        for (ActivationUnattributed finding : unattributed) {
            String recordKey = finding.keyId() != null ? finding.keyId() : finding.serial();
            messages.add(events.message(recordKey, finding.serial(), Instant.now(), finding));
        }
        for (ActivationMatched match : matched) {
            messages.add(events.message(match.keyId(), match.serial(), Instant.now(), match));
        }
        return messages;
    }

    /**
     * Moves the key's counts and appends the movement's journal entry to the key's chain. The key's balance event
     * carries the time of the batch's last event that changed its counts. A repeat activation, which changes none,
     * does not move that time, because a repeat reported later, such as one read from {@code slmgr} output and dated
     * at receipt, would otherwise date the batch's earlier consumption at its own time.
     */
    private void move(CloudEvent<?> event, KeyMovement movement) {
        ProductKeyEntity key = keys.get(movement.keyId());
        key.committed += movement.committedDelta();
        key.consumed += movement.consumedDelta();
        key.unattributed += movement.unattributedDelta();
        if (key.reportedConsumed != null && !event.time().isAfter(key.reportedAt)) {
            // An activation dated up to the newest reading arrived after it: the reading had counted it.
            key.reportedConsumed += movement.consumedDelta();
        }

        append(event, key, movement.type(), movement.serial(), movement.committedDelta(), movement.consumedDelta());
        boolean changesCounts =
                movement.committedDelta() != 0 || movement.consumedDelta() != 0 || movement.unattributedDelta() != 0;
        if (changesCounts || !touched.containsKey(key.keyId)) {
            touched.put(key.keyId, new Touch(key, event.id(), event.time()));
        }
    }

    /**
     * Names the provisioning as the cause of the key's balance event, keeping the time of the batch's last change. The
     * station-service counts a provisioning against the key until a balance names it or a later event as its cause.
     * A device that has not activated yet and is provisioned again with its key changes no count, and without this
     * its provisioning would be counted until the key's next change.
     */
    private void markProvisioningBooked(String keyId, CloudEvent<?> event) {
        Touch touch = touched.get(keyId);
        if (touch == null) {
            touched.put(keyId, new Touch(keys.get(keyId), event.id(), event.time()));
        } else {
            touched.put(keyId, new Touch(touch.key(), event.id(), touch.lastEventTime()));
        }
    }

    /** Appends one entry to the key's chain and moves its chain head. */
    private void append(
            CloudEvent<?> event,
            ProductKeyEntity key,
            EntryType type,
            String serial,
            int committedDelta,
            int consumedDelta) {
        String hash = JournalHash.next(
                key.chainHead, key.keyId, event.id(), type, serial, 0, committedDelta, consumedDelta, event.time());
        journal.add(new NewJournalEntry(
                key.keyId, event.id(), type, serial, committedDelta, consumedDelta, event.time(), key.chainHead, hash));
        key.chainHead = hash;
    }

    private void recordMatch(CloudEvent<?> event, DeviceState device) {
        matched.add(new ActivationMatched(device.serial(), device.keyId(), device.partialKey(), event.id()));
        findings.add(BookingFinding.info(
                "provisioning of device %s (event %s) matched its earlier activation", device.serial(), event.id()));
    }

    /**
     * Publishes an unattributed success with the key it consumed: the key the event names, else the key of the
     * device's record that the decider booked it against.
     */
    private void recordUnattributed(CloudEvent<?> event, ActivationAttempted attempt, KeyRef key, Booking booking) {
        DeviceState device = booking.device();
        String keyId = null;
        String partialKey = attempt.partialKey();
        if (key != null) {
            keyId = key.keyId();
            partialKey = key.partialKey();
        } else if (device != null && device.keyId() != null) {
            keyId = device.keyId();
            partialKey = device.partialKey();
        }
        String reason = booking.unattributedReason();
        unattributed.add(new ActivationUnattributed(
                attempt.serial(), keyId, partialKey, attempt.lineId(), attempt.stationId(), reason, event.id()));
        findings.add(BookingFinding.info(
                "activation of device %s (event %s) is unattributed: %s", attempt.serial(), event.id(), reason));
    }

    private static NewDeviceEvent history(CloudEvent<?> event, LineEvent data, KeyRef key, Booking booking) {
        String keyId = key != null
                ? key.keyId()
                : booking.device() == null ? null : booking.device().keyId();
        StringJoiner effect = new StringJoiner(",");
        StringJoiner effectInWords = new StringJoiner(", ");
        for (KeyMovement movement : booking.movements()) {
            effect.add(movement.type().name());
            effectInWords.add(movement.type().name().toLowerCase(Locale.ROOT));
        }
        String what = describe(data, event.type().type());
        String detail = effectInWords.length() == 0 ? what : what + " (" + effectInWords + ")";
        String result = data instanceof ActivationAttempted attempt ? attempt.result() : null;
        return new NewDeviceEvent(
                event.subject(),
                event.id(),
                event.type().type(),
                keyId,
                data.lineId(),
                data.stationId(),
                detail,
                effect.toString(),
                result,
                event.time());
    }

    /**
     * Marks a key exhausted or blocked when an activation failure proves it; one finding per key, not per device. A
     * retired key stays retired and a blocked key stays blocked when the failure proves it exhausted, because a top-up
     * would otherwise return such a key to use.
     */
    private void markKeyState(CloudEvent<?> event, LineEvent data, KeyRef key, DeviceState device) {
        if (!(data instanceof ActivationAttempted attempt) || attempt.succeeded()) {
            return;
        }
        String keyId = null;
        if (key != null) {
            keyId = key.keyId();
        } else if (device != null) {
            keyId = device.keyId();
        }
        ProductKeyEntity keyEntity = keyId == null ? null : keys.get(keyId);
        KeyState proven = KeyState.provenBy(attempt.result()).orElse(null);
        if (keyEntity == null || proven == null || proven.wireName().equals(keyEntity.state)) {
            return;
        }
        if (KeyState.outranks(keyEntity.state, proven)) {
            findings.add(BookingFinding.info(
                    "key %s stays %s: activation of %s failed with %s (event %s)",
                    keyId, keyEntity.state, attempt.serial(), attempt.result(), event.id()));
            return;
        }
        keyEntity.state = proven.wireName();
        keyEntity.stateReason = "activation of " + attempt.serial() + " failed with " + attempt.result();
        EntryType type = proven == KeyState.EXHAUSTED ? EntryType.EXHAUSTED : EntryType.BLOCKED;
        append(event, keyEntity, type, attempt.serial(), 0, 0);
        touched.put(keyEntity.keyId, new Touch(keyEntity, event.id(), event.time()));
        findings.add(BookingFinding.warn(
                "key %s is %s: %s (event %s)", keyId, keyEntity.state, keyEntity.stateReason, event.id()));
    }

    static String keyIdOf(LineEvent data) {
        if (data instanceof DeviceProvisioned provisioned) {
            return provisioned.keyId();
        }
        if (data instanceof ActivationAttempted attempt) {
            return attempt.keyId();
        }
        return null;
    }

    static String partialKeyOf(LineEvent data) {
        if (data instanceof DeviceProvisioned provisioned) {
            return provisioned.partialKey();
        }
        if (data instanceof ActivationAttempted attempt) {
            return attempt.partialKey();
        }
        return null;
    }

    private record Touch(ProductKeyEntity key, String lastEventId, Instant lastEventTime) {}

    /** Returns a few words on what the event reports, for the device's history. */
    private static String describe(LineEvent data, String type) {
        if (data instanceof DeviceProvisioned provisioned) {
            return "provisioned by " + provisioned.method().wireName();
        }
        if (data instanceof ActivationAttempted attempt) {
            return "activation by " + attempt.channel().wireName() + ": " + attempt.result()
                    + (Boolean.TRUE.equals(attempt.uwfEnabled()) ? ", UWF on" : "");
        }
        if (data instanceof KeyExposed) {
            return "key exposure reported";
        }
        return "reported " + type;
    }
}
