package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final KeyRef KEY_A = new KeyRef("KEY-A", "7QX4M");
    private static final KeyRef KEY_B = new KeyRef("KEY-B", "H2K9D");

    private static DeviceProvisioned provisioned(String serial, KeyRef key) {
        return new DeviceProvisioned(
                serial, "line-1", "imaging-01", key.keyId(), key.partialKey(), ProvisioningMethod.UNATTEND, true, null);
    }

    private static ActivationAttempted attempt(String serial, KeyRef key, String result) {
        return new ActivationAttempted(
                serial,
                "line-1",
                "activation-01",
                key == null ? null : key.keyId(),
                key == null ? "7QX4M" : key.partialKey(),
                ActivationChannel.INTERNET,
                result,
                null);
    }

    @Test
    void newDeviceCommitsOne() {
        Booking booking = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A);

        assertThat(booking.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
        assertThat(booking.device().keyId()).isEqualTo("KEY-A");
        assertThat(booking.movements()).containsExactly(new KeyMovement("KEY-A", EntryType.COMMITTED, "SN-1", 1, 0, 0));
    }

    @Test
    void provisioningTwiceOnSameKeyCommitsOnce() {
        DeviceState first = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();

        Booking again = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, first, KEY_A);

        assertThat(again.movements()).isEmpty();
        assertThat(again.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
    }

    @Test
    void rekeyingBeforeActivationMovesCommitment() {
        DeviceState onA = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();

        Booking rekeyed = LedgerDecider.decide(provisioned("SN-1", KEY_B), T0, onA, KEY_B);

        assertThat(rekeyed.movements())
                .containsExactly(
                        new KeyMovement("KEY-A", EntryType.RELEASED, "SN-1", -1, 0, 0),
                        new KeyMovement("KEY-B", EntryType.COMMITTED, "SN-1", 1, 0, 0));
        assertThat(rekeyed.device().keyId()).isEqualTo("KEY-B");
    }

    @Test
    void firstSuccessConsumesAndReleases() {
        DeviceState onA = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();

        Booking booking = LedgerDecider.decide(attempt("SN-1", KEY_A, "success"), T0, onA, KEY_A);

        assertThat(booking.movements()).containsExactly(new KeyMovement("KEY-A", EntryType.CONSUMED, "SN-1", -1, 1, 0));
        assertThat(booking.device().status()).isEqualTo(DeviceStatus.ACTIVATED);
        assertThat(booking.device().successfulActivations()).isEqualTo(1);
        assertThat(booking.device().activatedAt()).isEqualTo(T0);
        assertThat(booking.unattributedReason()).isNull();
    }

    @Test
    void repeatSuccessConsumesNothing() {
        DeviceState onA = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();
        DeviceState activated = LedgerDecider.decide(attempt("SN-1", KEY_A, "success"), T0, onA, KEY_A)
                .device();

        Booking repeat = LedgerDecider.decide(attempt("SN-1", KEY_A, "success"), T0, activated, KEY_A);

        assertThat(repeat.movements()).containsExactly(new KeyMovement("KEY-A", EntryType.REPEAT, "SN-1", 0, 0, 0));
        assertThat(repeat.device().successfulActivations()).isEqualTo(2);
        assertThat(repeat.device().activationAttempts()).isEqualTo(2);
    }

    @Test
    void failureNeverConsumes() {
        DeviceState onA = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();

        Booking failure = LedgerDecider.decide(attempt("SN-1", KEY_A, "0xC004F074"), T0, onA, KEY_A);

        assertThat(failure.movements()).isEmpty();
        assertThat(failure.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
        assertThat(failure.device().lastResult()).isEqualTo("0xC004F074");
        assertThat(failure.device().activationAttempts()).isEqualTo(1);
    }

    @Test
    void unknownDeviceSuccessIsUnattributed() {
        Booking booking = LedgerDecider.decide(attempt("SN-9", null, "success"), T0, null, KEY_A);

        assertThat(booking.unattributedReason()).isEqualTo(ActivationUnattributed.DEVICE_NOT_PROVISIONED);
        assertThat(booking.movements())
                .containsExactly(new KeyMovement("KEY-A", EntryType.UNATTRIBUTED_CONSUMED, "SN-9", 0, 1, 1));
        assertThat(booking.device().status()).isEqualTo(DeviceStatus.UNATTRIBUTED);
    }

    @Test
    void successOnOtherKeyIsUnattributed() {
        DeviceState onA = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();

        Booking booking = LedgerDecider.decide(attempt("SN-1", KEY_B, "success"), T0, onA, KEY_B);

        assertThat(booking.unattributedReason()).isEqualTo(ActivationUnattributed.DEVICE_ON_OTHER_KEY);
        assertThat(booking.movements())
                .containsExactly(
                        new KeyMovement("KEY-A", EntryType.RELEASED, "SN-1", -1, 0, 0),
                        new KeyMovement("KEY-B", EntryType.UNATTRIBUTED_CONSUMED, "SN-1", 0, 1, 1));
        assertThat(booking.device().keyId()).isEqualTo("KEY-B");
    }

    @Test
    void reimagedDeviceCommitsAgain() {
        DeviceState onA = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, KEY_A)
                .device();
        DeviceState activated = LedgerDecider.decide(attempt("SN-1", KEY_A, "success"), T0, onA, KEY_A)
                .device();

        Booking reimaged = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, activated, KEY_A);

        assertThat(reimaged.movements())
                .containsExactly(new KeyMovement("KEY-A", EntryType.COMMITTED, "SN-1", 1, 0, 0));
        assertThat(reimaged.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
    }

    @Test
    void unregisteredKeyMovesNothing() {
        Booking booking = LedgerDecider.decide(provisioned("SN-1", KEY_A), T0, null, null);

        assertThat(booking.movements()).isEmpty();
        assertThat(booking.device().keyId()).isNull();
        assertThat(booking.device().partialKey()).isEqualTo("7QX4M");
    }

    @Test
    void balanceAvailableCanGoNegative() {
        KeyBalance balance = new KeyBalance("KEY-A", "7QX4M", 2, 0, 0, 0)
                .apply(KeyMovement.of("KEY-A", EntryType.COMMITTED, "SN-1"))
                .apply(KeyMovement.of("KEY-A", EntryType.COMMITTED, "SN-2"))
                .apply(KeyMovement.of("KEY-A", EntryType.COMMITTED, "SN-3"));

        assertThat(balance.available()).isEqualTo(-1);
    }
}
