package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationFailureSpikeRuleTest {

    private final ActivationFailureSpikeRule rule =
            new ActivationFailureSpikeRule(Duration.ofHours(1), Duration.ofHours(24), 10, 0.2, 3);

    @Test
    void stationSpikeFiresHigh() {
        FailureCounts counts = new FailureCounts(20, 12, 100, 2, 1, "0xC004F074");

        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluateStation("line-1", "activation-01", counts);

        assertThat(fire.severity()).isEqualTo(Severity.HIGH);
        assertThat(fire.identity().labels()).isEqualTo(Map.of("lineId", "line-1", "stationId", "activation-01"));
        assertThat(fire.summary())
                .isEqualTo("station activation-01 on line line-1: 12 of 20 activation attempts failed in the last 1"
                        + " hour (60%), against 2% of 100 in the 24 hours before; most failed with 0xC004F074 (no KMS"
                        + " host was found)");
        assertThat(fire.action()).startsWith("a KMS client setup key (GVLK) is installed instead of the production");
    }

    @Test
    void lineNeedsTwoStations() {
        FailureCounts oneStation = new FailureCounts(20, 12, 100, 2, 1, "0xC004F074");
        FailureCounts twoStations = new FailureCounts(20, 12, 100, 2, 2, "0xC004F074");

        assertThat(rule.evaluateLine("line-1", oneStation)).isNotInstanceOf(Evaluation.Fire.class);
        assertThat(rule.evaluateLine("line-1", twoStations)).isInstanceOf(Evaluation.Fire.class);
    }

    @Test
    void highBaselineFiresNothing() {
        // 60% now against 30% before is only twice the baseline.
        FailureCounts counts = new FailureCounts(20, 12, 100, 30, 1, "0xC004F074");

        assertThat(rule.evaluateStation("line-1", "activation-01", counts)).isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void factoryLineFailuresTooFew() {
        // Line 1 of the factory-line scenario: 5 KMS failures among the last 60 attempts, 1 in the 26 before.
        FailureCounts counts = new FailureCounts(60, 5, 26, 1, 1, "0xC004F074");

        assertThat(rule.evaluateStation("line-1", "activation-01", counts)).isInstanceOf(Evaluation.Resolve.class);
        assertThat(rule.evaluateLine("line-1", counts)).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void calmWindowResolves() {
        FailureCounts counts = new FailureCounts(40, 4, 100, 2, 1, "0xC004F074");

        Evaluation evaluation = rule.evaluateStation("line-1", "activation-01", counts);

        assertThat(evaluation).isInstanceOf(Evaluation.Resolve.class);
        assertThat(((Evaluation.Resolve) evaluation).summary())
                .isEqualTo("station activation-01 on line line-1: 4 of 40 activation attempts failed in the last 1"
                        + " hour (10%)");
    }

    @Test
    void nearTriggerChangesNothing() {
        // 8 failures: below the 10 that fire, not below the 5 that resolve.
        FailureCounts counts = new FailureCounts(20, 8, 100, 2, 1, "0xC004F074");

        assertThat(rule.evaluateStation("line-1", "activation-01", counts)).isInstanceOf(Evaluation.NoChange.class);
    }
}
