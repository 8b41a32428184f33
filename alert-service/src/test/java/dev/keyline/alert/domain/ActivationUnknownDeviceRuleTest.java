package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.unattributed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationUnknownDeviceRuleTest {

    @Test
    void unattributedFiresHigh() {
        Evaluation.Fire fire = (Evaluation.Fire) ActivationUnknownDeviceRule.evaluate(unattributed("SN-0042"));

        assertThat(fire.severity()).isEqualTo(Severity.HIGH);
        assertThat(fire.identity().rule()).isEqualTo(AlertRule.ACTIVATION_UNKNOWN_DEVICE);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of("serial", "SN-0042", "keyId", "KEY-B", "partialKey", "7QX4M", "lineId", "line-1"));
        assertThat(fire.summary())
                .isEqualTo("device SN-0042 activated with key KEY-B (partial key 7QX4M) on line line-1, but no"
                        + " station reported provisioning the device (reason device-not-provisioned)");
        assertThat(fire.action()).startsWith("check where device SN-0042 came from");
        assertThat(fire.action()).contains("treat the key as leaked");
    }

    @Test
    void otherKeyNamedInSummary() {
        ActivationUnattributed activation = new ActivationUnattributed(
                "SN-0043", "KEY-B", null, null, null, ActivationUnattributed.DEVICE_ON_OTHER_KEY, "cause");

        Evaluation.Fire fire = (Evaluation.Fire) ActivationUnknownDeviceRule.evaluate(activation);

        assertThat(fire.summary())
                .isEqualTo("device SN-0043 activated with key KEY-B, but the ledger has the device on another key"
                        + " (reason device-on-other-key)");
    }

    @Test
    void absentLabelsLeftOut() {
        ActivationUnattributed activation = new ActivationUnattributed(
                "SN-0044", null, "7QX4M", null, null, ActivationUnattributed.DEVICE_NOT_PROVISIONED, "cause");

        Evaluation.Fire fire = (Evaluation.Fire) ActivationUnknownDeviceRule.evaluate(activation);

        assertThat(fire.identity().labels()).isEqualTo(Map.of("serial", "SN-0044", "partialKey", "7QX4M"));
        assertThat(fire.summary()).startsWith("device SN-0044 activated with the key with partial key 7QX4M, but");
    }

    @Test
    void matchedResolvesDeviceAlerts() {
        Evaluation.Fire withKey = (Evaluation.Fire) ActivationUnknownDeviceRule.evaluate(unattributed("SN-0042"));
        ActivationUnattributed partialOnly = new ActivationUnattributed(
                "SN-0042", null, "7QX4M", null, null, ActivationUnattributed.DEVICE_NOT_PROVISIONED, "cause");
        Evaluation.Fire withoutKey = (Evaluation.Fire) ActivationUnknownDeviceRule.evaluate(partialOnly);

        Evaluation.ResolveMatching resolve = (Evaluation.ResolveMatching)
                ActivationUnknownDeviceRule.resolve(new ActivationMatched("SN-0042", "KEY-B", "7QX4M", "cause"));

        assertThat(resolve.matches(withKey.identity())).isTrue();
        assertThat(resolve.matches(withoutKey.identity())).isTrue();
        assertThat(resolve.summary())
                .isEqualTo("the ledger matched the activation of device SN-0042 to its provisioning with key KEY-B,"
                        + " which arrived later");
    }

    @Test
    void matchedLeavesOtherKey() {
        Evaluation.Fire otherKey = (Evaluation.Fire) ActivationUnknownDeviceRule.evaluate(unattributed("SN-0042"));

        Evaluation.ResolveMatching resolve = (Evaluation.ResolveMatching)
                ActivationUnknownDeviceRule.resolve(new ActivationMatched("SN-0042", "KEY-A", null, "cause"));

        assertThat(resolve.matches(otherKey.identity())).isFalse();
    }
}
