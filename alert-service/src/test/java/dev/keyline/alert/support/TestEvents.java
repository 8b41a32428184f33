package dev.keyline.alert.support;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.KeyExposed;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds encoded CloudEvents as the station and ledger services publish them. Every test uses fresh key ids and
 * serials, because all test classes share one database and one broker.
 */
public final class TestEvents {

    private static final EventCodec CODEC = new EventCodec();
    private static final String LEDGER_SOURCE = CloudEvent.serviceSource("ledger-service");

    private TestEvents() {}

    /** Returns an id that no other test uses, such as {@code KEY-1A2B3C4D} for prefix {@code KEY}. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Returns a balance with allotment 100 and 5 committed, so consumed is {@code 95 - available}. */
    public static CloudEvent<BalanceChanged> balance(String keyId, long available) {
        BalanceChanged data = new BalanceChanged(
                keyId,
                "7QX4M",
                100,
                5,
                95 - available,
                available,
                UUID.randomUUID().toString());
        return CloudEvent.create(LEDGER_SOURCE, keyId, Instant.now(), data);
    }

    public static CloudEvent<ActivationUnattributed> unattributed(String keyId, String serial, String lineId) {
        ActivationUnattributed data = new ActivationUnattributed(
                serial,
                keyId,
                "7QX4M",
                lineId,
                "activation-01",
                ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                UUID.randomUUID().toString());
        return CloudEvent.create(LEDGER_SOURCE, serial, Instant.now(), data);
    }

    public static CloudEvent<KeyExposed> exposure(String lineId, String serial) {
        KeyExposed data = new KeyExposed(
                serial,
                lineId,
                "imaging-01",
                "*****-*****-*****-*****-7QX4M",
                "7QX4M",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "device-provisioned",
                "/notes");
        return CloudEvent.create(CloudEvent.lineSource(lineId, "imaging-01"), serial, Instant.now(), data);
    }

    public static String encode(CloudEvent<?> event) {
        return CODEC.encode(event);
    }
}
