package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A device provisioned with a key the ledger does not have, such as one registered after the line started, that
 * activates with a registered key: the activation consumes the registered key, unattributed, in either order of
 * arrival.
 */
class UnregisteredKeyProvisioningTest {

    private static final Instant PROVISIONED_AT = Instant.parse("2026-11-02T06:00:00Z");
    private static final Instant ACTIVATED_AT = Instant.parse("2026-11-02T07:00:00Z");
    private static final Instant REIMAGED_AT = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant ACTIVATED_AGAIN_AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final KeyRef KEY_A = new KeyRef("KEY-A", "7QX4M");
    private static final KeyBalance START = new KeyBalance("KEY-A", "7QX4M", 10, 0, 0, 0);

    /** Returns a provisioning that names KEY-X, which the ledger does not have, so the decider gets no key. */
    private static DeviceProvisioned unregisteredProvisioning() {
        return new DeviceProvisioned(
                "SN-1", "line-1", "imaging-01", "KEY-X", "3RT8W", ProvisioningMethod.UNATTEND, true, null);
    }

    private static ActivationAttempted success() {
        return new ActivationAttempted(
                "SN-1", "line-1", "activation-01", "KEY-A", "7QX4M", ActivationChannel.INTERNET, "success", null);
    }

    @Test
    void successConsumesRegisteredKey() {
        DeviceState provisioned = LedgerDecider.decide(unregisteredProvisioning(), PROVISIONED_AT, null, null)
                .device();

        Booking booking = LedgerDecider.decide(success(), ACTIVATED_AT, provisioned, KEY_A);

        assertThat(booking.movements())
                .containsExactly(new KeyMovement("KEY-A", EntryType.UNATTRIBUTED_CONSUMED, "SN-1", 0, 1, 1));
        assertThat(booking.unattributedReason()).isEqualTo(ActivationUnattributed.DEVICE_ON_OTHER_KEY);
        assertThat(booking.device().keyId()).isEqualTo("KEY-A");
        assertThat(booking.device().status()).isEqualTo(DeviceStatus.UNATTRIBUTED);
    }

    @Test
    void lateProvisioningChangesNothing() {
        DeviceState activated =
                LedgerDecider.decide(success(), ACTIVATED_AT, null, KEY_A).device();

        Booking late = LedgerDecider.decide(unregisteredProvisioning(), PROVISIONED_AT, activated, null);

        assertThat(late.movements()).isEmpty();
        assertThat(late.device().keyId()).isEqualTo("KEY-A");
        assertThat(late.device().status()).isEqualTo(DeviceStatus.UNATTRIBUTED);
        assertThat(late.device().provisionedAt()).isEqualTo(PROVISIONED_AT);
    }

    @Test
    void bothOrdersGiveSameBalance() {
        KeyBalance inOrder = book(
                new Timed(unregisteredProvisioning(), PROVISIONED_AT, null),
                new Timed(success(), ACTIVATED_AT, KEY_A),
                new Timed(success(), ACTIVATED_AT.plusSeconds(60), KEY_A));
        KeyBalance reversed = book(
                new Timed(success(), ACTIVATED_AT, KEY_A),
                new Timed(unregisteredProvisioning(), PROVISIONED_AT, null),
                new Timed(success(), ACTIVATED_AT.plusSeconds(60), KEY_A));

        assertThat(inOrder).isEqualTo(new KeyBalance("KEY-A", "7QX4M", 10, 0, 1, 1));
        assertThat(reversed).isEqualTo(inOrder);
    }

    @Test
    void reimagingConsumesAgainInBothOrders() {
        KeyBalance inOrder = book(
                new Timed(success(), ACTIVATED_AT, KEY_A),
                new Timed(unregisteredProvisioning(), REIMAGED_AT, null),
                new Timed(success(), ACTIVATED_AGAIN_AT, KEY_A));
        KeyBalance reimagingFirst = book(
                new Timed(unregisteredProvisioning(), REIMAGED_AT, null),
                new Timed(success(), ACTIVATED_AT, KEY_A),
                new Timed(success(), ACTIVATED_AGAIN_AT, KEY_A));

        assertThat(inOrder).isEqualTo(new KeyBalance("KEY-A", "7QX4M", 10, 0, 2, 2));
        assertThat(reimagingFirst).isEqualTo(inOrder);
    }

    /** One event with its time and the registered key it resolves to. */
    private record Timed(LineEvent event, Instant time, KeyRef key) {}

    private static KeyBalance book(Timed... events) {
        DeviceState device = null;
        KeyBalance balance = START;
        for (Timed timed : events) {
            Booking booking = LedgerDecider.decide(timed.event(), timed.time(), device, timed.key());
            device = booking.device();
            for (KeyMovement movement : booking.movements()) {
                balance = balance.apply(movement);
            }
        }
        return balance;
    }
}
