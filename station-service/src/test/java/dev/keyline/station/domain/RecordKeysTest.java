package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceLicenseReported;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordKeysTest {

    private static final List<String> NO_KEY = List.of();

    @Test
    void keyIdFirst() {
        assertThat(RecordKeys.of(provisioned("KEY-A", "7QX4M"), List.of("KEY-A"), "KEY-C"))
                .isEqualTo("KEY-A");
        assertThat(RecordKeys.of(attempted("KEY-A", "7QX4M"), List.of("KEY-B", "KEY-D"), "KEY-C"))
                .isEqualTo("KEY-A");
        assertThat(RecordKeys.of(provisioned("KEY-A", "7QX4M"), NO_KEY, "KEY-C"))
                .isEqualTo("KEY-A");
        assertThat(RecordKeys.of(provisioned("KEY-A", null), List.of("KEY-B"), "KEY-C"))
                .isEqualTo("KEY-A");
    }

    @Test
    void otherOwnerOfPartialKeyFirst() {
        // The ledger books these against KEY-B, the one key with the partial key, so they go to its partition.
        assertThat(RecordKeys.of(provisioned("key-b", "7QX4M"), List.of("KEY-B"), null))
                .isEqualTo("KEY-B");
        assertThat(RecordKeys.of(attempted("KEY-A", "7QX4M"), List.of("KEY-B"), "KEY-C"))
                .isEqualTo("KEY-B");
    }

    @Test
    void uniquePartialKeyBeforeDeviceKey() {
        assertThat(RecordKeys.of(attempted(null, "7QX4M"), List.of("KEY-B"), "KEY-C"))
                .isEqualTo("KEY-B");
        assertThat(RecordKeys.of(provisioned(null, "7QX4M"), List.of("KEY-B"), null))
                .isEqualTo("KEY-B");
    }

    @Test
    void deviceKeyForUnknownPartialKey() {
        assertThat(RecordKeys.of(attempted(null, "7QX4M"), NO_KEY, "KEY-C")).isEqualTo("KEY-C");
        assertThat(RecordKeys.of(attempted(null, "7QX4M"), List.of("KEY-A", "KEY-B"), "KEY-C"))
                .isEqualTo("KEY-C");
    }

    @Test
    void deviceKeyWithoutPartialKey() {
        assertThat(RecordKeys.of(attempted(null, null), NO_KEY, "KEY-C")).isEqualTo("KEY-C");
        DeviceStepCompleted step = new DeviceStepCompleted("SN-1", "line-1", "qa-01", "qa-passed", null, null);
        assertThat(RecordKeys.of(step, NO_KEY, "KEY-C")).isEqualTo("KEY-C");
    }

    @Test
    void partialKeyThenSerialFallback() {
        assertThat(RecordKeys.of(provisioned(null, "7QX4M"), NO_KEY, null)).isEqualTo("7QX4M");
        assertThat(RecordKeys.of(attempted(null, "7QX4M"), List.of("KEY-A", "KEY-B"), null))
                .isEqualTo("7QX4M");
        assertThat(RecordKeys.of(attempted(null, null), NO_KEY, null)).isEqualTo("SN-1");
    }

    @Test
    void licenseReportKeyOrder() {
        DeviceLicenseReported license = new DeviceLicenseReported(
                "SN-1", "line-1", "activation-01", "H2K9D", "OEM:DM", "licensed", null, "slmgr");

        assertThat(RecordKeys.of(license, List.of("KEY-B"), "KEY-C")).isEqualTo("KEY-B");
        assertThat(RecordKeys.of(license, NO_KEY, "KEY-C")).isEqualTo("KEY-C");
        assertThat(RecordKeys.of(license, NO_KEY, null)).isEqualTo("H2K9D");
    }

    @Test
    void exposureIgnoresDeviceKey() {
        KeyExposed exposed = exposed("SN-1");

        assertThat(RecordKeys.of(exposed, List.of("KEY-B"), "KEY-C")).isEqualTo("KEY-B");
        assertThat(RecordKeys.of(exposed, NO_KEY, "KEY-C")).isEqualTo("7QX4M");
        assertThat(RecordKeys.of(exposed, List.of("KEY-A", "KEY-B"), "KEY-C")).isEqualTo("7QX4M");
        assertThat(RecordKeys.followsDevice(exposed)).isFalse();
        assertThat(RecordKeys.followsDevice(attempted(null, null))).isTrue();
    }

    @Test
    void namedValuesRead() {
        assertThat(RecordKeys.keyIdOf(provisioned("KEY-A", "7QX4M"))).isEqualTo("KEY-A");
        assertThat(RecordKeys.keyIdOf(exposed("SN-1"))).isNull();
        assertThat(attempted(null, "7QX4M").partialKey()).isEqualTo("7QX4M");
        assertThat(exposed("SN-1").partialKey()).isEqualTo("7QX4M");
        assertThat(attempted(null, null).serial()).isEqualTo("SN-1");
        assertThat(exposed(null).serial()).isNull();
    }

    @Test
    void deviceKeyFromRowOrPartialKey() {
        assertThat(RecordKeys.deviceKeyId("KEY-A", List.of("KEY-B"))).isEqualTo("KEY-A");
        assertThat(RecordKeys.deviceKeyId(null, List.of("KEY-B"))).isEqualTo("KEY-B");
        assertThat(RecordKeys.deviceKeyId(null, List.of("KEY-A", "KEY-B"))).isNull();
        assertThat(RecordKeys.deviceKeyId(null, NO_KEY)).isNull();
    }

    private static DeviceProvisioned provisioned(String keyId, String partialKey) {
        return new DeviceProvisioned(
                "SN-1", "line-1", "imaging-01", keyId, partialKey, ProvisioningMethod.UNATTEND, true, null);
    }

    private static ActivationAttempted attempted(String keyId, String partialKey) {
        return new ActivationAttempted(
                "SN-1", "line-1", "activation-01", keyId, partialKey, ActivationChannel.PHONE, "success", null);
    }

    private static KeyExposed exposed(String serial) {
        return new KeyExposed(
                serial,
                "line-1",
                "imaging-01",
                "*****-*****-*****-*****-7QX4M",
                "7QX4M",
                "0".repeat(64),
                "device-provisioned",
                "/notes");
    }
}
