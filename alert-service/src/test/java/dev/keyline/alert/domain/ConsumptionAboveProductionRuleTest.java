package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumptionAboveProductionRuleTest {

    private final ConsumptionAboveProductionRule rule = new ConsumptionAboveProductionRule(10, 3);

    @Test
    void excessFiresCriticalWithNumbers() {
        LineKeyCounts counts =
                new LineKeyCounts("KEY-C", "7QX4M", "line-1", 800, 980, 180, List.of("X-0001", "X-0002", "X-0003"));

        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(counts);

        assertThat(fire.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of("keyId", "KEY-C", "partialKey", "7QX4M", "lineId", "line-1"));
        assertThat(fire.summary())
                .isEqualTo("line line-1 has 980 devices activated with KEY-C (partial key 7QX4M) against 800"
                        + " provisioned with it: 180 more than provisioned, above the tolerance of 10; 180 activated"
                        + " devices were never provisioned with the key on this line: X-0001, X-0002, X-0003 and 177"
                        + " more");
        assertThat(fire.action()).startsWith("find where the unmatched devices came from");
    }

    @Test
    void excessAtToleranceResolves() {
        LineKeyCounts counts = new LineKeyCounts("KEY-C", "7QX4M", "line-1", 800, 810, 10, List.of());

        assertThat(rule.evaluate(counts)).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void factoryLineKeyANoExcess() {
        // Line 1 of the factory-line scenario: 120 provisioned, 81 activated, one of them never provisioned.
        LineKeyCounts counts = new LineKeyCounts("KEY-A", "7QX4M", "line-1", 120, 81, 1, List.of("L9-9999"));

        assertThat(rule.evaluate(counts)).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void shortListHasNoRemainder() {
        LineKeyCounts counts = new LineKeyCounts("KEY-C", "7QX4M", "line-1", 0, 12, 2, List.of("X-0001", "X-0002"));

        Evaluation.Fire fire = (Evaluation.Fire) rule.evaluate(counts);

        assertThat(fire.summary())
                .endsWith("2 activated devices were never provisioned with the key on this line:" + " X-0001, X-0002");
    }
}
