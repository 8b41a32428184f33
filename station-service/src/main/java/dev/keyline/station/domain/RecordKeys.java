package dev.keyline.station.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.DeviceLicenseReported;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;

/**
 * Chooses the Kafka record key of a line event: the key id, else the partial key, else the serial. Keying by key keeps
 * all events of one key in one partition and one order, which the ledger's journal relies on.
 */
public final class RecordKeys {

    private RecordKeys() {}

    public static String of(LineEvent data) {
        if (data instanceof DeviceProvisioned provisioned) {
            return firstPresent(provisioned.keyId(), provisioned.partialKey(), provisioned.serial());
        }
        if (data instanceof ActivationAttempted attempted) {
            return firstPresent(attempted.keyId(), attempted.partialKey(), attempted.serial());
        }
        if (data instanceof DeviceStepCompleted step) {
            return firstPresent(step.keyId(), step.partialKey(), step.serial());
        }
        if (data instanceof DeviceLicenseReported license) {
            return firstPresent(null, license.partialKey(), license.serial());
        }
        KeyExposed exposed = (KeyExposed) data;
        return firstPresent(null, exposed.partialKey(), exposed.serial());
    }

    private static String firstPresent(String keyId, String partialKey, String serial) {
        if (keyId != null) {
            return keyId;
        }
        return partialKey != null ? partialKey : serial;
    }
}
