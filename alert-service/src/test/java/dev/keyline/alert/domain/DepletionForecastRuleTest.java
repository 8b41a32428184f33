package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.T0;
import static dev.keyline.alert.domain.Fixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepletionForecastRuleTest {

    private final DepletionForecastRule rule =
            new DepletionForecastRule(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(7));

    @Test
    void steadyUseFiresWarning() {
        // 2 a day for 7 days, from 70 to 56: the 56 left last 28 days, within the 30-day lead time.
        List<BalanceSample> history = daily(T0, 70, 2);
        Instant at = T0.plus(Duration.ofDays(7));

        Evaluation evaluation = rule.evaluate(balance(100, 0, 44), at, history);

        assertThat(evaluation).isInstanceOf(Evaluation.Fire.class);
        Evaluation.Fire fire = (Evaluation.Fire) evaluation;
        assertThat(fire.severity()).isEqualTo(Severity.WARNING);
        assertThat(fire.identity().text()).isEqualTo("depletion-forecast{keyId=\"KEY-B\",partialKey=\"7QX4M\"}");
        assertThat(fire.summary())
                .isEqualTo("KEY-B (partial key 7QX4M) runs out in about 28.0 days (around 2027-01-05) at its rate of"
                        + " 2.0 activations per day over the last 7.0 days; it has 56 available, and the reorder"
                        + " lead time is 30.0 days");
        assertThat(fire.action()).startsWith("order more activations for KEY-B from Microsoft now");
    }

    @Test
    void slowUseResolves() {
        // 1 every 7 days with 56 left lasts 392 days, beyond 30 + 7.
        List<BalanceSample> history = List.of(new BalanceSample(T0, 57), new BalanceSample(T0.plusSeconds(60), 56));
        Instant at = T0.plus(Duration.ofDays(7));

        assertThat(rule.evaluate(balance(100, 0, 44), at, history)).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void betweenLeadAndMarginChangesNothing() {
        // 10 used in 7 days with 50 left lasts 35 days: beyond the 30-day lead time, within 30 + 7.
        List<BalanceSample> history = List.of(
                new BalanceSample(T0.minusSeconds(1), 60),
                new BalanceSample(T0, 60),
                new BalanceSample(T0.plusSeconds(1), 50));
        Instant at = T0.plus(Duration.ofDays(7));

        Evaluation evaluation = rule.evaluate(balance(100, 0, 50), at, history);

        assertThat(evaluation).isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void shortHistoryChangesNothing() {
        // A burst of 90 provisionings within 90 minutes, and nothing before: less than a day of history.
        List<BalanceSample> history = List.of(new BalanceSample(T0, 99), new BalanceSample(T0.plusSeconds(5400), 10));

        assertThat(rule.evaluate(balance(100, 90, 0), T0.plusSeconds(5400), history))
                .isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void burstBeforeWindowIgnored() {
        // KEY-A of the factory-line scenario: 120 provisionings within 2 hours, then one activation that consumed
        // a count, 7 days and 206 minutes after the first provisioning.
        List<BalanceSample> history = List.of(
                new BalanceSample(T0, 149),
                new BalanceSample(T0.plusSeconds(60 * 60), 89),
                new BalanceSample(T0.plusSeconds(119 * 60), 30),
                new BalanceSample(T0.plus(Duration.ofDays(7)).plusSeconds(206 * 60), 29));
        Instant at = T0.plus(Duration.ofDays(7)).plusSeconds(206 * 60);

        Evaluation evaluation = rule.evaluate(balance(150, 40, 81), at, history);

        assertThat(evaluation).isInstanceOf(Evaluation.Resolve.class);
        assertThat(((Evaluation.Resolve) evaluation).summary())
                .startsWith("KEY-B (partial key 7QX4M) runs out in about 203.0 days");
    }

    @Test
    void topUpDoesNotHideUse() {
        // Falls of 10 and 10 with a top-up of 100 between them: 20 used in 7 days.
        List<BalanceSample> history = List.of(
                new BalanceSample(T0, 40),
                new BalanceSample(T0.plus(Duration.ofDays(2)), 30),
                new BalanceSample(T0.plus(Duration.ofDays(3)), 130),
                new BalanceSample(T0.plus(Duration.ofDays(6)), 120));
        Instant at = T0.plus(Duration.ofDays(7));

        Evaluation evaluation = rule.evaluate(balance(200, 0, 150), at, history);

        assertThat(evaluation).isInstanceOf(Evaluation.Fire.class);
        assertThat(((Evaluation.Fire) evaluation).summary()).contains("at its rate of 2.9 activations per day");
    }

    @Test
    void nothingAvailableChangesNothing() {
        List<BalanceSample> history = daily(T0, 70, 10);

        assertThat(rule.evaluate(balance(100, 20, 80), T0.plus(Duration.ofDays(7)), history))
                .isInstanceOf(Evaluation.NoChange.class);
    }

    /** Returns one sample a day for 8 days from {@code start}, falling by {@code perDay} from {@code first}. */
    @Test
    void retiredKeyResolvesDespiteSteadyUse() {
        // The history of steadyUseFiresWarning, which fires for an active key because the 56 left last 28 days.
        List<BalanceSample> history = daily(T0, 70, 2);
        Instant at = T0.plus(Duration.ofDays(7));

        Evaluation evaluation = rule.evaluate(balance(100, 44, "retired", null), at, history);

        assertThat(evaluation)
                .isEqualTo(new Evaluation.Resolve(
                        AlertIdentity.of(AlertRule.DEPLETION_FORECAST, Map.of("keyId", "KEY-B", "partialKey", "7QX4M")),
                        "KEY-B (partial key 7QX4M) was retired, so stations no longer install it and it needs no"
                                + " reorder; it has 56 activations available (allotment 100, consumed 44, committed"
                                + " 0)"));
    }

    private static List<BalanceSample> daily(Instant start, long first, long perDay) {
        List<BalanceSample> samples = new ArrayList<>();
        for (int day = 0; day <= 7; day++) {
            samples.add(new BalanceSample(start.plus(Duration.ofDays(day)), first - perDay * day));
        }
        return samples;
    }
}
