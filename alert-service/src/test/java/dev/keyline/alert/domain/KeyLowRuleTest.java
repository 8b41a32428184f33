package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyLowRuleTest {

    private final KeyLowRule rule = new KeyLowRule(20, 5);

    @Test
    void belowThresholdFires() {
        Evaluation evaluation = rule.evaluate(balance(10));

        assertThat(evaluation).isInstanceOf(Evaluation.Fire.class);
        Evaluation.Fire fire = (Evaluation.Fire) evaluation;
        assertThat(fire.severity()).isEqualTo(Severity.WARNING);
        assertThat(fire.identity().rule()).isEqualTo(AlertRule.KEY_LOW);
        assertThat(fire.identity().labels()).isEqualTo(Map.of("keyId", "KEY-B", "partialKey", "7QX4M"));
        assertThat(fire.summary())
                .isEqualTo("KEY-B has 10 activations available, below the threshold of 20"
                        + " (allotment 100, consumed 85, committed 5)");
        assertThat(fire.action()).isEqualTo("top up the key or switch stations to another key");
    }

    @Test
    void negativeAvailableNamesOvercommitment() {
        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(balance(-3));

        assertThat(fire.summary())
                .isEqualTo("KEY-B has -3 activations available, below the threshold of 20"
                        + " (allotment 100, consumed 98, committed 5);"
                        + " the line has shipped more devices than the key can activate");
    }

    @Test
    void atThresholdChangesNothing() {
        assertThat(rule.evaluate(balance(20))).isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void justBelowRecoveryChangesNothing() {
        assertThat(rule.evaluate(balance(24))).isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void atRecoveryLevelResolves() {
        Evaluation evaluation = rule.evaluate(balance(25));

        assertThat(evaluation).isInstanceOf(Evaluation.Resolve.class);
        Evaluation.Resolve resolve = (Evaluation.Resolve) evaluation;
        assertThat(resolve.identity().text()).isEqualTo("key-low{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(resolve.summary())
                .isEqualTo("KEY-B has 25 activations available, at or above the threshold of 20 plus the"
                        + " recovery margin of 5 (allotment 100, consumed 70, committed 5)");
    }

    @Test
    void zeroMarginResolvesAtThreshold() {
        KeyLowRule noMargin = new KeyLowRule(20, 0);

        assertThat(noMargin.evaluate(balance(19))).isInstanceOf(Evaluation.Fire.class);
        assertThat(noMargin.evaluate(balance(20))).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void retiredKeyResolvesInsteadOfFiring() {
        Evaluation evaluation = rule.evaluate(balance(100, 95, "retired", null));

        assertThat(evaluation)
                .isEqualTo(new Evaluation.Resolve(
                        AlertIdentity.of(AlertRule.KEY_LOW, Map.of("keyId", "KEY-B", "partialKey", "7QX4M")),
                        "KEY-B was retired, so stations no longer install it and it needs no top-up; it has 5"
                                + " activations available (allotment 100, consumed 95, committed 0)"));
    }

    @Test
    void negativeMarginIsRejected() {
        assertThatThrownBy(() -> new KeyLowRule(20, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
