package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.ProvisioningMethod;
import org.junit.jupiter.api.Test;

class RecordKeysTest {

    @Test
    void keyIdFirst() {
        assertThat(RecordKeys.of(provisioned("KEY-A", "7QX4M"))).isEqualTo("KEY-A");
    }

    @Test
    void partialKeyWithoutKeyId() {
        assertThat(RecordKeys.of(provisioned(null, "7QX4M"))).isEqualTo("7QX4M");
    }

    @Test
    void serialWithoutKey() {
        ActivationAttempted attempted = new ActivationAttempted(
                "SN-1", "line-1", "activation-01", null, null, ActivationChannel.PHONE, "success", null);

        assertThat(RecordKeys.of(attempted)).isEqualTo("SN-1");
    }

    @Test
    void exposureKeyedByPartialKey() {
        KeyExposed exposed = new KeyExposed(
                "SN-1",
                "line-1",
                "imaging-01",
                "*****-*****-*****-*****-7QX4M",
                "7QX4M",
                "0".repeat(64),
                "device-provisioned",
                "/notes");

        assertThat(RecordKeys.of(exposed)).isEqualTo("7QX4M");
    }

    private static DeviceProvisioned provisioned(String keyId, String partialKey) {
        return new DeviceProvisioned(
                "SN-1", "line-1", "imaging-01", keyId, partialKey, ProvisioningMethod.UNATTEND, true, null);
    }
}
