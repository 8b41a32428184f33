package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A device provisioned with one key that activates with another: one activation used, on the key it activated. */
class OtherKeyActivationTest {

    private static final Instant PROVISIONED_AT = Instant.parse("2026-11-02T06:00:00Z");
    private static final Instant ACTIVATED_AT = Instant.parse("2026-11-02T07:00:00Z");
    private static final KeyRef KEY_A = new KeyRef("KEY-A", "7QX4M");
    private static final KeyRef KEY_B = new KeyRef("KEY-B", "H2K9D");

    private static DeviceProvisioned provisioned(KeyRef key) {
        return new DeviceProvisioned(
                "SN-1", "line-1", "imaging-01", key.keyId(), key.partialKey(), ProvisioningMethod.UNATTEND, true, null);
    }

    private static ActivationAttempted success(KeyRef key) {
        return new ActivationAttempted(
                "SN-1",
                "line-1",
                "activation-01",
                key.keyId(),
                key.partialKey(),
                ActivationChannel.INTERNET,
                "success",
                null);
    }

    @Test
    void otherKeyReleasesProvisionedKey() {
        DeviceState onA = LedgerDecider.decide(provisioned(KEY_A), PROVISIONED_AT, null, KEY_A)
                .device();

        Booking booking = LedgerDecider.decide(success(KEY_B), ACTIVATED_AT, onA, KEY_B);

        assertThat(booking.movements())
                .containsExactly(
                        new KeyMovement("KEY-A", EntryType.RELEASED, "SN-1", -1, 0, 0),
                        new KeyMovement("KEY-B", EntryType.UNATTRIBUTED_CONSUMED, "SN-1", 0, 1, 1));
        assertThat(booking.unattributedReason()).isEqualTo(ActivationUnattributed.DEVICE_ON_OTHER_KEY);
        assertThat(booking.device().keyId()).isEqualTo("KEY-B");
        assertThat(booking.device().status()).isEqualTo(DeviceStatus.UNATTRIBUTED);
        assertThat(booking.device().activatedAt()).isEqualTo(ACTIVATED_AT);
    }

    @Test
    void arrivalOrderKeepsBalances() {
        Map<String, KeyBalance> inOrder = balances();
        DeviceState onA = book(inOrder, LedgerDecider.decide(provisioned(KEY_A), PROVISIONED_AT, null, KEY_A));
        DeviceState afterInOrder = book(inOrder, LedgerDecider.decide(success(KEY_B), ACTIVATED_AT, onA, KEY_B));

        Map<String, KeyBalance> reversed = balances();
        DeviceState activated = book(reversed, LedgerDecider.decide(success(KEY_B), ACTIVATED_AT, null, KEY_B));
        DeviceState afterReversed =
                book(reversed, LedgerDecider.decide(provisioned(KEY_A), PROVISIONED_AT, activated, KEY_A));

        assertThat(reversed).isEqualTo(inOrder);
        assertThat(inOrder.get("KEY-A")).isEqualTo(new KeyBalance("KEY-A", "7QX4M", 10, 0, 0, 0));
        assertThat(inOrder.get("KEY-B")).isEqualTo(new KeyBalance("KEY-B", "H2K9D", 10, 0, 1, 1));
        assertThat(afterReversed.keyId()).isEqualTo(afterInOrder.keyId()).isEqualTo("KEY-B");
        assertThat(afterReversed.status()).isEqualTo(afterInOrder.status()).isEqualTo(DeviceStatus.UNATTRIBUTED);
        assertThat(afterReversed.provisionedAt()).isEqualTo(PROVISIONED_AT);
        assertThat(afterReversed.activatedAt()).isEqualTo(ACTIVATED_AT);
    }

    @Test
    void laterProvisioningCommitsAgain() {
        DeviceState activated = LedgerDecider.decide(success(KEY_B), PROVISIONED_AT, null, KEY_B)
                .device();

        Booking reimaged = LedgerDecider.decide(provisioned(KEY_A), ACTIVATED_AT, activated, KEY_A);

        assertThat(reimaged.movements())
                .containsExactly(new KeyMovement("KEY-A", EntryType.COMMITTED, "SN-1", 1, 0, 0));
        assertThat(reimaged.device().keyId()).isEqualTo("KEY-A");
        assertThat(reimaged.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
    }

    @Test
    void earlierSuccessKeepsCommitment() {
        DeviceState onA = LedgerDecider.decide(provisioned(KEY_A), ACTIVATED_AT, null, KEY_A)
                .device();

        Booking earlier = LedgerDecider.decide(success(KEY_B), PROVISIONED_AT, onA, KEY_B);

        assertThat(earlier.movements())
                .containsExactly(new KeyMovement("KEY-B", EntryType.UNATTRIBUTED_CONSUMED, "SN-1", 0, 1, 1));
        assertThat(earlier.device().keyId()).isEqualTo("KEY-A");
        assertThat(earlier.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
    }

    private static Map<String, KeyBalance> balances() {
        Map<String, KeyBalance> balances = new HashMap<>();
        for (KeyRef key : List.of(KEY_A, KEY_B)) {
            balances.put(key.keyId(), new KeyBalance(key.keyId(), key.partialKey(), 10, 0, 0, 0));
        }
        return balances;
    }

    private static DeviceState book(Map<String, KeyBalance> balances, Booking booking) {
        for (KeyMovement movement : booking.movements()) {
            balances.put(movement.keyId(), balances.get(movement.keyId()).apply(movement));
        }
        return booking.device();
    }
}
