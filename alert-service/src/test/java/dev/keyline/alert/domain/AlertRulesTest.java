package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private final AlertRules rules = new AlertRules(new KeyLowRule(20, 5));

    @Test
    void eachTypeReachesItsRule() {
        Evaluation keyLow = rules.evaluate(Fixtures.balance(1));
        Evaluation unknownDevice = rules.evaluate(Fixtures.unattributed("SN-1"));
        Evaluation exposure = rules.evaluate(Fixtures.exposure("SN-1"));

        assertThat(((Evaluation.Fire) keyLow).identity().rule()).isEqualTo(AlertRule.KEY_LOW);
        assertThat(((Evaluation.Fire) unknownDevice).identity().rule()).isEqualTo(AlertRule.ACTIVATION_UNKNOWN_DEVICE);
        assertThat(((Evaluation.Fire) exposure).identity().rule()).isEqualTo(AlertRule.KEY_EXPOSURE);
    }

    @Test
    void unwatchedTypesChangeNothing() {
        DeviceProvisioned provisioned = new DeviceProvisioned(
                "SN-1", "line-1", "imaging-01", "KEY-B", "7QX4M", ProvisioningMethod.UNATTEND, true, null);
        ActivationAttempted attempted = new ActivationAttempted(
                "SN-1", "line-1", "activation-01", "KEY-B", "7QX4M", ActivationChannel.INTERNET, "success", null);

        assertThat(rules.evaluate(provisioned)).isInstanceOf(Evaluation.NoChange.class);
        assertThat(rules.evaluate(attempted)).isInstanceOf(Evaluation.NoChange.class);
    }
}
