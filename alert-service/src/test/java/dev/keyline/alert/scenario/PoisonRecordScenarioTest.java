package dev.keyline.alert.scenario;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * A poison record on keyline.line-events that the ledger dead-letters, as its outbox writes it, and that this service
 * dead-letters as well: one warning names the record's topic, partition and offset.
 */
@QuarkusTest
class PoisonRecordScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void poisonRecordOneWarning() {
        String key = TestEvents.uniqueId("poison");
        String poison = "{\"poison\": \"" + key + "\"}";
        RecordMetadata position = KafkaTestClient.send(Topics.LINE_EVENTS, key, poison);
        OutboxMessage ledger = OutboxMessage.deadLetter(
                Topics.LINE_EVENTS_DLQ,
                Topics.LINE_EVENTS,
                position.partition(),
                position.offset(),
                key,
                poison,
                "not a CloudEvent: required property 'id' not found",
                "keyline-ledger-service");

        KafkaTestClient.send(ledger.topic(), ledger.key(), ledger.payload(), ledger.headers());

        Map<String, String> labels = Map.of(
                "topic", Topics.LINE_EVENTS,
                "partition", String.valueOf(position.partition()),
                "offset", String.valueOf(position.offset()));
        // The ledger's record and this service's own dead-letter record of the same poison are one alert.
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deadLetterAlerts(labels))
                .extracting(alert -> alert.get("occurrences"))
                .containsExactly(2));
        Map<String, Object> alert = deadLetterAlerts(labels).get(0);
        assertThat(alert.get("severity")).isEqualTo("warning");
        assertThat(alert.get("status")).isEqualTo("firing");
        assertThat((String) alert.get("summary"))
                .contains("could not process the record at keyline.line-events partition " + position.partition()
                        + " offset " + position.offset() + " and moved it to keyline.line-events.dlq");
        assertThat((String) alert.get("action")).startsWith("read the record from keyline.line-events.dlq");
    }

    private static List<Map<String, Object>> deadLetterAlerts(Map<String, String> labels) {
        List<Map<String, Object>> all =
                alerts(Map.of("rule", "dead-letter", "size", "1000")).getList("$");
        return all.stream().filter(alert -> labels.equals(alert.get("labels"))).toList();
    }
}
