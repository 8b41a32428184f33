package dev.keyline.ledger.it;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;

/** Line events of line-1 as its stations report them, each with a fresh event id. */
public final class LineEvents {

    public static final String SUCCESS = ActivationAttempted.SUCCESS;
    /** No KMS host found: a failure that proves nothing about the key. */
    public static final String NO_KMS_HOST = "0xC004F074";
    /** The key's activation limit is reached: the ledger marks the key exhausted. */
    public static final String KEY_EXHAUSTED = "0xC004C020";

    private LineEvents() {}

    public static CloudEvent<LineEvent> provisioned(String serial, String keyId, String partialKey, Instant time) {
        DeviceProvisioned data = new DeviceProvisioned(
                serial, "line-1", "imaging-01", keyId, partialKey, ProvisioningMethod.AUDIT_MODE_IPK, true, null);
        return CloudEvent.create(CloudEvent.lineSource("line-1", "imaging-01"), serial, time, data);
    }

    /** An activation attempt; {@code hardwareHash} may be null. */
    public static CloudEvent<LineEvent> activation(
            String serial, String keyId, String partialKey, String result, String hardwareHash, Instant time) {
        ActivationAttempted data = new ActivationAttempted(
                serial,
                "line-1",
                "activation-01",
                keyId,
                partialKey,
                ActivationChannel.INTERNET,
                result,
                null,
                hardwareHash,
                null);
        return CloudEvent.create(CloudEvent.lineSource("line-1", "activation-01"), serial, time, data);
    }
}
