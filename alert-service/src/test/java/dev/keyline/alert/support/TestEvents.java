package dev.keyline.alert.support;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds encoded CloudEvents as the station and ledger services publish them. Every test uses fresh key ids and
 * serials, because all test classes share one database and one broker.
 */
public final class TestEvents {

    /** The partial key of every test key; tests distinguish alerts by key id. */
    public static final String PARTIAL_KEY = "7QX4M";

    /** A fingerprint no balance announces, so an exposure with it is not one of the registered keys. */
    public static final String UNKNOWN_FINGERPRINT = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static final EventCodec CODEC = new EventCodec();
    private static final String LEDGER_SOURCE = CloudEvent.serviceSource("ledger-service");

    private TestEvents() {}

    /** Returns an id that no other test uses, such as {@code KEY-1A2B3C4D} for prefix {@code KEY}. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Returns a balance with allotment 100 and 5 committed, so consumed is {@code 95 - available}. */
    public static CloudEvent<BalanceChanged> balance(String keyId, long available) {
        return balance(keyId, 100, 5, 95 - available, Instant.now());
    }

    /** Returns a balance with the given counts; available is allotment - committed - consumed. */
    public static CloudEvent<BalanceChanged> balance(
            String keyId, long allotment, long committed, long consumed, Instant time) {
        BalanceChanged data = new BalanceChanged(
                keyId,
                PARTIAL_KEY,
                allotment,
                committed,
                consumed,
                allotment - committed - consumed,
                UUID.randomUUID().toString());
        return CloudEvent.create(LEDGER_SOURCE, keyId, time, data);
    }

    /** Returns a balance with a key state, a fingerprint and, unless null, a Microsoft-reported remaining count. */
    public static CloudEvent<BalanceChanged> balance(
            String keyId, long allotment, long consumed, String state, String fingerprint, Long reportedRemaining) {
        return balance(
                keyId,
                allotment,
                consumed,
                state,
                fingerprint,
                reportedRemaining,
                UUID.randomUUID().toString());
    }

    private static CloudEvent<BalanceChanged> balance(
            String keyId,
            long allotment,
            long consumed,
            String state,
            String fingerprint,
            Long reportedRemaining,
            String causeEventId) {
        Long unexplained = reportedRemaining == null ? null : allotment - reportedRemaining - consumed;
        BalanceChanged data = new BalanceChanged(
                keyId,
                PARTIAL_KEY,
                allotment,
                0,
                consumed,
                allotment - consumed,
                causeEventId,
                state,
                0L,
                fingerprint,
                reportedRemaining,
                unexplained);
        return CloudEvent.create(LEDGER_SOURCE, keyId, Instant.now(), data);
    }

    /** Returns a balance with a key state whose cause is {@code causeEventId}, such as an operator's unblock. */
    public static CloudEvent<BalanceChanged> balanceCausedBy(
            String keyId, long allotment, long consumed, String state, String causeEventId) {
        return balance(keyId, allotment, consumed, state, null, null, causeEventId);
    }

    public static CloudEvent<ActivationUnattributed> unattributed(String keyId, String serial, String lineId) {
        ActivationUnattributed data = new ActivationUnattributed(
                serial,
                keyId,
                PARTIAL_KEY,
                lineId,
                "activation-01",
                ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                UUID.randomUUID().toString());
        return CloudEvent.create(LEDGER_SOURCE, serial, Instant.now(), data);
    }

    public static CloudEvent<ActivationMatched> matched(String keyId, String serial) {
        ActivationMatched data = new ActivationMatched(
                serial, keyId, PARTIAL_KEY, UUID.randomUUID().toString());
        return CloudEvent.create(LEDGER_SOURCE, serial, Instant.now(), data);
    }

    public static CloudEvent<KeyExposed> exposure(String lineId, String serial) {
        return exposure(lineId, serial, "device-provisioned", "/notes", UNKNOWN_FINGERPRINT);
    }

    public static CloudEvent<KeyExposed> exposure(
            String lineId, String serial, String report, String location, String fingerprint) {
        KeyExposed data = new KeyExposed(
                serial,
                lineId,
                "imaging-01",
                "*****-*****-*****-*****-" + PARTIAL_KEY,
                PARTIAL_KEY,
                fingerprint,
                report,
                location);
        return CloudEvent.create(CloudEvent.lineSource(lineId, "imaging-01"), serial, Instant.now(), data);
    }

    public static CloudEvent<DeviceProvisioned> provisioned(
            String serial, String lineId, String keyId, boolean keyCleared, Instant time) {
        DeviceProvisioned data = new DeviceProvisioned(
                serial, lineId, "imaging-01", keyId, PARTIAL_KEY, ProvisioningMethod.UNATTEND, keyCleared, null);
        return CloudEvent.create(CloudEvent.lineSource(lineId, "imaging-01"), serial, time, data);
    }

    /** Returns an attempt; {@code keyId}, {@code uwfEnabled} and {@code hardwareHash} may be null. */
    public static CloudEvent<ActivationAttempted> activation(
            String serial,
            String lineId,
            String keyId,
            String result,
            Boolean uwfEnabled,
            String hardwareHash,
            Instant time) {
        ActivationAttempted data = new ActivationAttempted(
                serial,
                lineId,
                "activation-01",
                keyId,
                PARTIAL_KEY,
                ActivationChannel.INTERNET,
                result,
                null,
                hardwareHash,
                uwfEnabled);
        return CloudEvent.create(CloudEvent.lineSource(lineId, "activation-01"), serial, time, data);
    }

    public static CloudEvent<DeviceStepCompleted> step(String serial, String lineId, String keyId, String step) {
        DeviceStepCompleted data = new DeviceStepCompleted(serial, lineId, "sysprep-01", step, keyId, PARTIAL_KEY);
        return CloudEvent.create(CloudEvent.lineSource(lineId, "sysprep-01"), serial, Instant.now(), data);
    }

    public static String encode(CloudEvent<?> event) {
        return CODEC.encode(event);
    }
}
