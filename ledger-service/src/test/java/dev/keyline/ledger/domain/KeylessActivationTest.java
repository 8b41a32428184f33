package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Successes reported without a key id or partial key: the ledger books them against the key the device carries. */
class KeylessActivationTest {

    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final KeyRef KEY_T = new KeyRef("KEY-T", "7QX4M");
    private static final KeyBalance START = new KeyBalance("KEY-T", "7QX4M", 10, 0, 0, 0);

    private static DeviceProvisioned provisioned(String serial) {
        return new DeviceProvisioned(
                serial, "line-1", "imaging-01", "KEY-T", "7QX4M", ProvisioningMethod.UNATTEND, true, null);
    }

    private static ActivationAttempted attempt(String serial, String keyId, String result) {
        return new ActivationAttempted(
                serial, "line-1", "activation-01", keyId, null, ActivationChannel.INTERNET, result, null);
    }

    @Test
    void scrappedDeviceSuccessConsumesItsKey() {
        DeviceState provisioned =
                LedgerDecider.decide(provisioned("SN-1"), T0, null, KEY_T).device();
        DeviceState scrapped = new DeviceState(
                provisioned.serial(),
                provisioned.keyId(),
                provisioned.partialKey(),
                provisioned.lineId(),
                provisioned.stationId(),
                provisioned.method(),
                DeviceStatus.SCRAPPED,
                0,
                0,
                null,
                provisioned.provisionedAt(),
                null,
                null,
                null,
                0);

        Booking booking = LedgerDecider.decide(attempt("SN-1", null, "success"), T0, scrapped, null);

        assertThat(booking.movements())
                .containsExactly(new KeyMovement("KEY-T", EntryType.UNATTRIBUTED_CONSUMED, "SN-1", 0, 1, 1));
        assertThat(booking.unattributedReason()).isEqualTo(ActivationUnattributed.DEVICE_NOT_PROVISIONED);
        assertThat(booking.device().status()).isEqualTo(DeviceStatus.UNATTRIBUTED);
        assertThat(booking.device().keyId()).isEqualTo("KEY-T");
    }

    @Test
    void successAfterKeyedFailureConsumesKey() {
        DeviceState failed = LedgerDecider.decide(attempt("SN-2", "KEY-T", "0xC004F074"), T0, null, KEY_T)
                .device();

        Booking booking = LedgerDecider.decide(attempt("SN-2", null, "success"), T0, failed, null);

        assertThat(failed.keyId()).isEqualTo("KEY-T");
        assertThat(booking.movements())
                .containsExactly(new KeyMovement("KEY-T", EntryType.UNATTRIBUTED_CONSUMED, "SN-2", 0, 1, 1));
    }

    @Test
    void laterKeyedAttemptBooksKeylessSuccess() {
        DeviceState keyless = LedgerDecider.decide(attempt("SN-6", null, "success"), T0, null, null)
                .device();

        Booking failure = LedgerDecider.decide(attempt("SN-6", "KEY-T", "0x8007232B"), T0, keyless, KEY_T);
        Booking success = LedgerDecider.decide(attempt("SN-6", "KEY-T", "success"), T0, keyless, KEY_T);

        assertThat(failure.movements())
                .containsExactly(new KeyMovement("KEY-T", EntryType.UNATTRIBUTED_CONSUMED, "SN-6", 0, 1, 1));
        assertThat(failure.device().keyId()).isEqualTo("KEY-T");
        assertThat(success.movements())
                .containsExactly(
                        new KeyMovement("KEY-T", EntryType.UNATTRIBUTED_CONSUMED, "SN-6", 0, 1, 1),
                        new KeyMovement("KEY-T", EntryType.REPEAT, "SN-6", 0, 0, 0));
        Booking keylessAfter = LedgerDecider.decide(attempt("SN-6", null, "success"), T0, failure.device(), null);
        assertThat(keylessAfter.movements())
                .containsExactly(new KeyMovement("KEY-T", EntryType.REPEAT, "SN-6", 0, 0, 0));
    }

    @Test
    void unknownKeylessSuccessConsumesNothing() {
        Booking booking = LedgerDecider.decide(attempt("SN-3", null, "success"), T0, null, null);

        assertThat(booking.movements()).isEmpty();
        assertThat(booking.unattributedReason()).isEqualTo(ActivationUnattributed.DEVICE_NOT_PROVISIONED);
        assertThat(booking.device().keyId()).isNull();
    }

    @Test
    void keylessSuccessBeforeProvisioningConsumesOnce() {
        DeviceState activatedFirst = LedgerDecider.decide(attempt("SN-4", null, "success"), T0, null, null)
                .device();

        Booking late = LedgerDecider.decide(provisioned("SN-4"), T0, activatedFirst, KEY_T);

        assertThat(late.matched()).isTrue();
        assertThat(late.movements())
                .containsExactly(
                        new KeyMovement("KEY-T", EntryType.UNATTRIBUTED_CONSUMED, "SN-4", 0, 1, 1),
                        new KeyMovement("KEY-T", EntryType.MATCHED, "SN-4", 0, 0, -1));
        assertThat(late.device().status()).isEqualTo(DeviceStatus.ACTIVATED);

        Booking commit = LedgerDecider.decide(provisioned("SN-5"), T0, null, KEY_T);
        Booking success = LedgerDecider.decide(attempt("SN-5", null, "success"), T0, commit.device(), null);
        KeyBalance reversed = apply(START, late);
        KeyBalance forward = apply(apply(START, commit), success);
        assertThat(reversed).isEqualTo(forward).isEqualTo(new KeyBalance("KEY-T", "7QX4M", 10, 0, 1, 0));
    }

    @Test
    void lateProvisioningMatchesKeyedSuccess() {
        DeviceState keylessFailure = LedgerDecider.decide(attempt("SN-7", null, "0xC004F074"), T0, null, null)
                .device();
        Booking success = LedgerDecider.decide(attempt("SN-7", "KEY-T", "success"), T0, keylessFailure, KEY_T);
        Booking late = LedgerDecider.decide(provisioned("SN-7"), T0, success.device(), KEY_T);

        assertThat(success.device().keyId()).isEqualTo("KEY-T");
        assertThat(late.matched()).isTrue();
        assertThat(late.movements()).containsExactly(new KeyMovement("KEY-T", EntryType.MATCHED, "SN-7", 0, 0, -1));
        assertThat(apply(apply(START, success), late)).isEqualTo(new KeyBalance("KEY-T", "7QX4M", 10, 0, 1, 0));
    }

    @Test
    void keyedFailureOrderConsumesOnce() {
        DeviceState keylessFailure = LedgerDecider.decide(attempt("SN-8", null, "0xC004F074"), T0, null, null)
                .device();

        Booking keyedFailure = LedgerDecider.decide(attempt("SN-8", "KEY-T", "0x8007232B"), T0, keylessFailure, KEY_T);
        Booking successAfter = LedgerDecider.decide(attempt("SN-8", null, "success"), T0, keyedFailure.device(), null);
        Booking successFirst = LedgerDecider.decide(attempt("SN-8", null, "success"), T0, keylessFailure, null);
        Booking failureAfter =
                LedgerDecider.decide(attempt("SN-8", "KEY-T", "0x8007232B"), T0, successFirst.device(), KEY_T);

        assertThat(keyedFailure.device().keyId()).isEqualTo("KEY-T");
        KeyBalance failureThenSuccess = apply(apply(START, keyedFailure), successAfter);
        KeyBalance successThenFailure = apply(apply(START, successFirst), failureAfter);
        assertThat(failureThenSuccess)
                .isEqualTo(successThenFailure)
                .isEqualTo(new KeyBalance("KEY-T", "7QX4M", 10, 0, 1, 1));
    }

    private static KeyBalance apply(KeyBalance balance, Booking booking) {
        KeyBalance result = balance;
        for (KeyMovement movement : booking.movements()) {
            result = result.apply(movement);
        }
        return result;
    }
}
