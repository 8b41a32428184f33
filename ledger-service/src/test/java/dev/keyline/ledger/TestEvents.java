package dev.keyline.ledger;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;

/** Line events as a station would publish them, encoded through the shared contract. */
public final class TestEvents {

    private static final EventCodec CODEC = new EventCodec();
    private static final Instant TIME = Instant.parse("2026-11-02T06:00:00Z");

    private TestEvents() {}

    public static CloudEvent<LineEvent> provisioned(String serial, String keyId, String partialKey) {
        return event(new DeviceProvisioned(
                serial, "line-1", "imaging-01", keyId, partialKey, ProvisioningMethod.AUDIT_MODE_IPK, true, null));
    }

    public static CloudEvent<LineEvent> activation(String serial, String keyId, String partialKey, String result) {
        return event(new ActivationAttempted(
                serial, "line-1", "activation-01", keyId, partialKey, ActivationChannel.INTERNET, result, null));
    }

    /** Returns the event dated at {@code time} instead of the fixed test time. */
    public static CloudEvent<LineEvent> at(Instant time, CloudEvent<LineEvent> event) {
        return new CloudEvent<>(event.id(), event.source(), event.type(), event.subject(), time, event.data());
    }

    public static String json(CloudEvent<?> event) {
        return CODEC.encode(event);
    }

    private static CloudEvent<LineEvent> event(LineEvent data) {
        String serial = data instanceof DeviceProvisioned p ? p.serial() : ((ActivationAttempted) data).serial();
        return CloudEvent.create(CloudEvent.lineSource(data.lineId(), data.stationId()), serial, TIME, data);
    }
}
