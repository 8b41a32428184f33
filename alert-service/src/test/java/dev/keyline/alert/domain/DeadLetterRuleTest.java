package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterRuleTest {

    @Test
    void recordFiresWarningForSource() {
        DeadLetterRecord record = new DeadLetterRecord(
                "keyline.line-events.dlq", 0, 7, "keyline.line-events", 2, 41L, "not valid JSON", "ledger");

        Evaluation.Fire fire = (Evaluation.Fire) DeadLetterRule.evaluate(record);

        assertThat(fire.severity()).isEqualTo(Severity.WARNING);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of("topic", "keyline.line-events", "partition", "2", "offset", "41"));
        assertThat(fire.summary())
                .isEqualTo("consumer ledger could not process the record at keyline.line-events partition 2 offset 41"
                        + " and moved it to keyline.line-events.dlq partition 0 offset 7: not valid JSON");
        assertThat(fire.action())
                .isEqualTo("read the record from keyline.line-events.dlq partition 0 offset 7 (for example with"
                        + " kcat), fix its producer or publish a corrected event, then resolve this alert");
    }

    @Test
    void twoConsumersShareIdentity() {
        DeadLetterRecord ledger = new DeadLetterRecord(
                "keyline.line-events.dlq", 0, 7, "keyline.line-events", 2, 41L, "reason", "ledger");
        DeadLetterRecord alerts = new DeadLetterRecord(
                "keyline.line-events.dlq", 0, 8, "keyline.line-events", 2, 41L, "reason", "alerts");

        Evaluation.Fire first = (Evaluation.Fire) DeadLetterRule.evaluate(ledger);
        Evaluation.Fire second = (Evaluation.Fire) DeadLetterRule.evaluate(alerts);

        assertThat(first.identity()).isEqualTo(second.identity());
    }

    @Test
    void missingHeadersUseDeadLetterPosition() {
        DeadLetterRecord record = new DeadLetterRecord("keyline.ledger-events.dlq", 0, 3, null, null, null, null, null);

        Evaluation.Fire fire = (Evaluation.Fire) DeadLetterRule.evaluate(record);

        assertThat(fire.identity().labels())
                .isEqualTo(Map.of("topic", "keyline.ledger-events.dlq", "partition", "0", "offset", "3"));
        assertThat(fire.summary())
                .isEqualTo("a consumer could not process a record whose dead-letter headers do not name its source"
                        + " position and moved it to keyline.ledger-events.dlq partition 0 offset 3: no reason was"
                        + " given");
    }

    @Test
    void longReasonCut() {
        DeadLetterRecord record = new DeadLetterRecord(
                "keyline.line-events.dlq", 0, 7, "keyline.line-events", 2, 41L, "x".repeat(600), null);

        Evaluation.Fire fire = (Evaluation.Fire) DeadLetterRule.evaluate(record);

        assertThat(fire.summary()).endsWith(": " + "x".repeat(500) + "...");
    }
}
