package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.schemas.events.BalanceChanged;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyOverCommittedRuleTest {

    private final KeyOverCommittedRule rule = new KeyOverCommittedRule(0);

    @Test
    void overAllotmentFiresCritical() {
        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(balance(100, 20, 83));

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.identity().text()).isEqualTo("key-over-committed{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(fire.summary())
                .isEqualTo("KEY-B (partial key 7QX4M) has 20 devices committed and 83 activations consumed against"
                        + " an allotment of 100, 3 more than it allows: 3 of its committed devices cannot activate");
        assertThat(fire.action()).startsWith("top up KEY-B by at least 3 activations");
    }

    @Test
    void excessBeyondCommittedDevicesNamesConsumption() {
        Evaluation.Fire fewCommitted = (Evaluation.Fire) rule.evaluate(balance(150, 40, 161));
        Evaluation.Fire noneCommitted = (Evaluation.Fire) rule.evaluate(balance(100, 0, 170));

        assertThat(fewCommitted.summary())
                .endsWith("51 more than it allows: 40 of its committed devices cannot activate");
        assertThat(noneCommitted.summary())
                .endsWith("70 more than it allows: consumption alone is above the allotment");
    }

    @Test
    void exactAllotmentResolves() {
        assertThat(rule.evaluate(balance(100, 17, 83))).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void factoryLineKeyBWithin() {
        // KEY-B of the factory-line scenario: allotment 100, committed 5, consumed 85.
        assertThat(rule.evaluate(balance(100, 5, 85))).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void toleranceAllowsExcess() {
        KeyOverCommittedRule tolerant = new KeyOverCommittedRule(3);

        assertThat(tolerant.evaluate(balance(100, 20, 83))).isInstanceOf(Evaluation.Resolve.class);
        assertThat(tolerant.evaluate(balance(100, 21, 83))).isInstanceOf(Evaluation.Fire.class);
    }

    @Test
    void retiredKeyWithoutCommittedDevicesResolves() {
        Evaluation evaluation = rule.evaluate(balance(100, 105, "retired", null));

        assertThat(evaluation)
                .isEqualTo(new Evaluation.Resolve(
                        AlertIdentity.of(AlertRule.KEY_OVER_COMMITTED, Map.of("keyId", "KEY-B", "partialKey", "7QX4M")),
                        "KEY-B (partial key 7QX4M) was retired, so stations no longer install it, and no device"
                                + " committed to it waits for an activation (allotment 100, consumed 105, committed"
                                + " 0)"));
    }

    @Test
    void retiredKeyAsksToReKeyDevices() {
        BalanceChanged retired = new BalanceChanged("KEY-B", "7QX4M", 100, 20, 83, -3, "cause", "retired", 0L, null);

        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(retired);

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.summary())
                .isEqualTo("KEY-B (partial key 7QX4M) has 20 devices committed and 83 activations consumed against"
                        + " an allotment of 100, 3 more than it allows: 3 of its committed devices cannot activate");
        assertThat(fire.action())
                .isEqualTo("KEY-B is retired, so stations no longer install it; re-key its committed devices that"
                        + " have not shipped, or top it up by at least 3 activations so that those that shipped can"
                        + " activate");
    }

    @Test
    void negativeToleranceRejected() {
        assertThatThrownBy(() -> new KeyOverCommittedRule(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
