package dev.keyline.station.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import java.util.List;

/**
 * Chooses the Kafka record key of a line event. Keying by key id keeps all events of one key in one partition and one
 * order, which the ledger's hash-chained journal relies on. An event is keyed by its key id unless exactly one other
 * key has its partial key, which the ledger then books it against. An event without a key id is keyed as the ledger
 * books it too:
 * by the key that has its partial key, when exactly one key has it, else by the key its device was provisioned with.
 * Only when neither is known is it keyed by its partial key, else by its serial.
 *
 * <p>A key exposure is about the exposed key, which need not be the device's, so it never takes the device's key.
 */
public final class RecordKeys {

    private RecordKeys() {}

    /** Returns the key id the event names, or null. */
    public static String keyIdOf(LineEvent data) {
        if (data instanceof DeviceProvisioned provisioned) {
            return provisioned.keyId();
        }
        if (data instanceof ActivationAttempted attempted) {
            return attempted.keyId();
        }
        if (data instanceof DeviceStepCompleted step) {
            return step.keyId();
        }
        return null;
    }

    /** Returns whether the key of the event's device may key the event: true for every event but a key exposure. */
    public static boolean followsDevice(LineEvent data) {
        return !(data instanceof KeyExposed);
    }

    /**
     * Returns the record key of {@code data}.
     *
     * @param partialKeyOwners the ids of the keys whose published balance has the event's partial key, possibly none
     * @param deviceKeyId the key id the event's device was provisioned with, or null
     */
    public static String of(LineEvent data, List<String> partialKeyOwners, String deviceKeyId) {
        String keyId = keyIdOf(data);
        String partialKey = data.partialKey();
        if (keyId != null) {
            // The ledger books an event whose key id is unknown, or belongs to another partial key, against the one
            // key with its partial key, so the event goes to that key's partition and counts against that key.
            boolean otherOwner = partialKey != null
                    && partialKeyOwners.size() == 1
                    && !partialKeyOwners.get(0).equals(keyId);
            return otherOwner ? partialKeyOwners.get(0) : keyId;
        }
        if (partialKey != null && partialKeyOwners.size() == 1) {
            return partialKeyOwners.get(0);
        }
        if (deviceKeyId != null && followsDevice(data)) {
            return deviceKeyId;
        }
        return partialKey != null ? partialKey : data.serial();
    }

    /**
     * Returns the key id a device was provisioned with: {@code keyId} when its record has one, else the one key that
     * has its partial key, else null.
     *
     * @param partialKeyOwners the ids of the keys whose published balance has the device's partial key
     */
    public static String deviceKeyId(String keyId, List<String> partialKeyOwners) {
        if (keyId != null) {
            return keyId;
        }
        return partialKeyOwners.size() == 1 ? partialKeyOwners.get(0) : null;
    }
}
