package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LateProvisioningAndHardwareTest {

    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final KeyRef KEY_A = new KeyRef("KEY-A", "7QX4M");
    private static final KeyRef KEY_B = new KeyRef("KEY-B", "H2K9D");

    private static DeviceProvisioned provisioned(KeyRef key) {
        return new DeviceProvisioned(
                "SN-1", "line-1", "imaging-01", key.keyId(), key.partialKey(), ProvisioningMethod.UNATTEND, true, null);
    }

    private static ActivationAttempted success(
            KeyRef key, ActivationChannel channel, String hardwareHash, Boolean uwf) {
        return new ActivationAttempted(
                "SN-1",
                "line-1",
                "activation-01",
                key.keyId(),
                key.partialKey(),
                channel,
                "success",
                null,
                hardwareHash,
                uwf);
    }

    @Test
    void lateProvisioningMatchesEarlierActivation() {
        Booking first =
                LedgerDecider.decide(success(KEY_A, ActivationChannel.INTERNET, "hw-1", false), T0, null, KEY_A);

        Booking late = LedgerDecider.decide(provisioned(KEY_A), T0, first.device(), KEY_A);

        assertThat(late.matched()).isTrue();
        assertThat(late.movements()).containsExactly(new KeyMovement("KEY-A", EntryType.MATCHED, "SN-1", 0, 0, -1));
        assertThat(late.device().status()).isEqualTo(DeviceStatus.ACTIVATED);
        assertThat(late.device().successfulActivations()).isEqualTo(1);
        assertThat(late.device().method()).isEqualTo("unattend");
    }

    @Test
    void lateProvisioningOnOtherKeyCommits() {
        Booking first = LedgerDecider.decide(success(KEY_A, ActivationChannel.INTERNET, null, null), T0, null, KEY_A);

        Booking late = LedgerDecider.decide(provisioned(KEY_B), T0, first.device(), KEY_B);

        assertThat(late.matched()).isFalse();
        assertThat(late.movements()).containsExactly(new KeyMovement("KEY-B", EntryType.COMMITTED, "SN-1", 1, 0, 0));
        assertThat(late.device().status()).isEqualTo(DeviceStatus.PROVISIONED);
    }

    @Test
    void newHardwareHashIsReactivation() {
        DeviceState onA =
                LedgerDecider.decide(provisioned(KEY_A), T0, null, KEY_A).device();
        DeviceState activated = LedgerDecider.decide(
                        success(KEY_A, ActivationChannel.INTERNET, "hw-before-battery-swap", false), T0, onA, KEY_A)
                .device();

        Booking again = LedgerDecider.decide(
                success(KEY_A, ActivationChannel.PHONE, "hw-after-battery-swap", false), T0, activated, KEY_A);

        assertThat(again.movements()).containsExactly(new KeyMovement("KEY-A", EntryType.REACTIVATED, "SN-1", 0, 1, 0));
        assertThat(again.unattributedReason()).isNull();
        assertThat(again.device().reactivations()).isEqualTo(1);
        assertThat(again.device().successfulActivations()).isEqualTo(2);
        assertThat(again.device().hardwareHash()).isEqualTo("hw-after-battery-swap");
    }

    @Test
    void sameHardwareHashIsRepeat() {
        DeviceState onA =
                LedgerDecider.decide(provisioned(KEY_A), T0, null, KEY_A).device();
        DeviceState activated = LedgerDecider.decide(
                        success(KEY_A, ActivationChannel.INTERNET, "hw-1", true), T0, onA, KEY_A)
                .device();

        Booking again =
                LedgerDecider.decide(success(KEY_A, ActivationChannel.INTERNET, "hw-1", true), T0, activated, KEY_A);

        assertThat(again.movements()).containsExactly(new KeyMovement("KEY-A", EntryType.REPEAT, "SN-1", 0, 0, 0));
        assertThat(again.device().uwfEnabled()).isTrue();
        assertThat(again.device().reactivations()).isZero();
    }
}
