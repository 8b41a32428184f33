package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private final AlertRules rules = Fixtures.defaultRules();

    @Test
    void balanceFeedsKeyRules() {
        List<Evaluation> evaluations = rules.onBalance(Fixtures.balance(10), Fixtures.T0, Optional.empty(), List.of());

        assertThat(evaluations)
                .extracting(AlertRulesTest::rule)
                .containsExactly(
                        AlertRule.KEY_LOW,
                        AlertRule.KEY_EXHAUSTED,
                        AlertRule.KEY_OVER_COMMITTED,
                        null,
                        null,
                        null,
                        AlertRule.KEY_EXHAUSTED,
                        AlertRule.KEY_BLOCKED);
        assertThat(evaluations.get(0)).isInstanceOf(Evaluation.Fire.class);
        assertThat(evaluations.get(1)).isInstanceOf(Evaluation.Resolve.class);
        assertThat(evaluations.get(2)).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void balanceResolvesUnlabelledDuplicates() {
        List<Evaluation> evaluations = rules.onBalance(Fixtures.balance(10), Fixtures.T0, Optional.empty(), List.of());

        assertThat(evaluations.subList(6, 8))
                .extracting(evaluation ->
                        ((Evaluation.Resolve) evaluation).identity().text())
                .containsExactly("key-exhausted{keyId=\"KEY-B\"}", "key-blocked{keyId=\"KEY-B\"}");
        assertThat(((Evaluation.Resolve) evaluations.get(6)).summary())
                .isEqualTo("superseded by the alert of KEY-B with its partial key 7QX4M, which the key's balance now"
                        + " gives");
    }

    @Test
    void exhaustedResultFiresKeyExhausted() {
        List<Evaluation> evaluations = rules.onFailedActivation("KEY-B", "7QX4M", failure("0xC004C020"));

        assertThat(evaluations).extracting(AlertRulesTest::rule).containsExactly(AlertRule.KEY_EXHAUSTED);
    }

    @Test
    void blockedResultFiresKeyBlocked() {
        for (String code : List.of("0xC004C003", "0xC004C060", "0xC004C4A2")) {
            List<Evaluation> evaluations = rules.onFailedActivation("KEY-B", "7QX4M", failure(code));

            assertThat(evaluations).extracting(AlertRulesTest::rule).containsExactly(AlertRule.KEY_BLOCKED);
        }
    }

    @Test
    void deviceFailureIsNotKeyLevel() {
        assertThat(rules.onFailedActivation("KEY-B", "7QX4M", failure("0xC004F074")))
                .isEmpty();
        assertThat(rules.onFailedActivation("KEY-B", "7QX4M", failure("0xC004F00F")))
                .isEmpty();
    }

    @Test
    void defaultsMatchDocumentation() {
        assertThat(rules.depletionForecast().windowStart(Fixtures.T0)).isEqualTo(Fixtures.T0.minus(Duration.ofDays(7)));
        assertThat(rules.repeatActivation().window()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.failureSpike().window()).isEqualTo(Duration.ofHours(1));
        assertThat(rules.failureSpike().baseline()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.consumptionAboveProduction().maxListedSerials()).isEqualTo(10);
    }

    private static ActivationAttempted failure(String code) {
        return new ActivationAttempted(
                "SN-1", "line-1", "activation-01", "KEY-B", "7QX4M", ActivationChannel.INTERNET, code, null);
    }

    /** Returns the rule of a Fire or Resolve, or null for any other evaluation. */
    private static AlertRule rule(Evaluation evaluation) {
        if (evaluation instanceof Evaluation.Fire fire) {
            return fire.identity().rule();
        }
        if (evaluation instanceof Evaluation.Resolve resolve) {
            return resolve.identity().rule();
        }
        return null;
    }
}
