package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyExhaustedRuleTest {

    private final KeyExhaustedRule rule = new KeyExhaustedRule(0);

    @Test
    void zeroAvailableFiresCritical() {
        Evaluation.Fire fire = (Evaluation.Fire) rule.onBalance(balance(100, 5, 95), Optional.empty());

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.identity().labels()).isEqualTo(Map.of("keyId", "KEY-B", "partialKey", "7QX4M"));
        assertThat(fire.summary())
                .isEqualTo("KEY-B (partial key 7QX4M) has 0 activations available (allotment 100, consumed 95,"
                        + " committed 5)");
        assertThat(fire.action()).startsWith("switch stations to another key");
    }

    @Test
    void availableWithoutMarkResolves() {
        Evaluation evaluation = rule.onBalance(balance(100, 5, 94), Optional.empty());

        assertThat(evaluation).isInstanceOf(Evaluation.Resolve.class);
        assertThat(((Evaluation.Resolve) evaluation).summary())
                .isEqualTo("KEY-B (partial key 7QX4M) has 1 activations available (allotment 100, consumed 94,"
                        + " committed 5)");
    }

    @Test
    void markFiresDespiteAvailable() {
        ExhaustionMark mark = new ExhaustionMark(100, "activation of SN-9 failed with 0xC004C020");

        Evaluation.Fire fire = (Evaluation.Fire) rule.onBalance(balance(100, 5, 60), Optional.of(mark));

        assertThat(fire.summary())
                .isEqualTo("Microsoft reported KEY-B (partial key 7QX4M) exhausted (activation of SN-9 failed with"
                        + " 0xC004C020); the ledger still counts 35 available (allotment 100, consumed 60,"
                        + " committed 5), but no allotment was added since");
    }

    @Test
    void retiredKeyResolvesDespiteMark() {
        ExhaustionMark mark = new ExhaustionMark(100, "activation of SN-9 failed with 0xC004C020");

        Evaluation evaluation = rule.onBalance(balance(100, 100, "retired", null), Optional.of(mark));

        assertThat(evaluation)
                .isEqualTo(new Evaluation.Resolve(
                        AlertIdentity.of(AlertRule.KEY_EXHAUSTED, Map.of("keyId", "KEY-B", "partialKey", "7QX4M")),
                        "KEY-B (partial key 7QX4M) was retired, so stations no longer install it and it needs no"
                                + " top-up; it has 0 activations available (allotment 100, consumed 100, committed"
                                + " 0)"));
    }

    @Test
    void failureNamesDeviceAndCode() {
        ActivationAttempted attempt = new ActivationAttempted(
                "SN-9", "line-1", "activation-01", null, "7QX4M", ActivationChannel.INTERNET, "0xC004C008", null);

        Evaluation.Fire fire = (Evaluation.Fire) rule.onFailure("KEY-B", "7QX4M", attempt);

        assertThat(fire.identity().text()).isEqualTo("key-exhausted{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(fire.summary())
                .isEqualTo("Microsoft reported KEY-B (partial key 7QX4M) exhausted: activation of SN-9 on line"
                        + " line-1 failed with 0xC004C008 (the key has exceeded its unlock limit)");
    }
}
