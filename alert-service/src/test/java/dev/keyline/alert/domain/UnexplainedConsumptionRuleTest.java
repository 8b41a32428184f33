package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.BalanceChanged;
import org.junit.jupiter.api.Test;

class UnexplainedConsumptionRuleTest {

    private final UnexplainedConsumptionRule rule = new UnexplainedConsumptionRule(3);

    @Test
    void withoutReadingChangesNothing() {
        assertThat(rule.evaluate(balance(100, 40, "active", null))).isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void aboveToleranceFiresHigh() {
        // Microsoft reports 50 remaining: 50 used, of which the ledger booked 40.
        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(balance(100, 40, "active", 50L));

        assertThat(fire.severity()).isEqualTo(Severity.HIGH);
        assertThat(fire.identity().text()).isEqualTo("unexplained-consumption{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(fire.summary())
                .isEqualTo("Microsoft counts 10 more activations of KEY-B (partial key 7QX4M) than the ledger booked"
                        + " up to the reading (Microsoft-reported remaining 50, consumed in the ledger now 40), above"
                        + " the tolerance of 3");
        assertThat(fire.action()).startsWith("treat KEY-B as possibly leaked");
    }

    @Test
    void laterUseAndTopUpKeepText() {
        // Read at allotment 100 (50 remaining, 50 used, 40 booked), then topped up by 10 and 5 more booked: the ledger
        // still counts 10 unexplained, and the text gives the reading's remaining count beside today's consumption.
        BalanceChanged balance =
                new BalanceChanged("KEY-B", "7QX4M", 110, 0, 45, 65, "cause", "active", 0L, null, 50L, 10L);

        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(balance);

        assertThat(fire.summary())
                .isEqualTo("Microsoft counts 10 more activations of KEY-B (partial key 7QX4M) than the ledger booked"
                        + " up to the reading (Microsoft-reported remaining 50, consumed in the ledger now 45), above"
                        + " the tolerance of 3");
    }

    @Test
    void atToleranceResolves() {
        Evaluation evaluation = rule.evaluate(balance(100, 40, "active", 57L));

        assertThat(evaluation).isInstanceOf(Evaluation.Resolve.class);
        assertThat(((Evaluation.Resolve) evaluation).summary()).contains("differs from the ledger by 3");
    }
}
