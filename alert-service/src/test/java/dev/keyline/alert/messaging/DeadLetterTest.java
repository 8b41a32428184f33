package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.KeyExposed;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Records that are not valid events go to the dead-letter topic, and the consumer goes on with the next record. */
@QuarkusTest
class DeadLetterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void truncatedRecordGoesToDeadLetter() {
        String lineId = TestEvents.uniqueId("line");
        String serial = TestEvents.uniqueId("SN");
        String valid = TestEvents.encode(TestEvents.exposure(lineId, serial));
        String truncated = valid.substring(0, valid.length() - 20);

        KafkaTestClient.send(Topics.LINE_EVENTS, "7QX4M", truncated);
        KafkaTestClient.send(Topics.LINE_EVENTS, "7QX4M", valid);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(Topics.LINE_EVENTS_DLQ, truncated);
        assertThat(header(deadLetter, "dead-letter-reason")).startsWith("not valid JSON");
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.LINE_EVENTS);
        assertThat(header(deadLetter, "dead-letter-consumer")).isEqualTo("keyline-alert-service");
        assertThat(deadLetter.key()).isEqualTo("7QX4M");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("rule"))
                        .containsExactly("key-exposure"));
    }

    @Test
    void eventOnWrongTopicGoesToDeadLetter() {
        String keyId = TestEvents.uniqueId("KEY");
        String balance = TestEvents.encode(TestEvents.balance(keyId, 10));

        KafkaTestClient.send(Topics.LINE_EVENTS, keyId, balance);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(Topics.LINE_EVENTS_DLQ, balance);
        assertThat(header(deadLetter, "dead-letter-reason"))
                .endsWith("has type keyline.ledger.balance-changed.v1, which belongs on topic keyline.ledger-events,"
                        + " not on keyline.line-events");
        assertThat(alerts(Map.of("keyId", keyId)).getList("$")).isEmpty();
    }

    @Test
    void deadLetterMasksFullKey() {
        String serial = TestEvents.uniqueId("SN");
        String withKey = "{\"serial\": \"" + serial + "\", \"notes\": \"key TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}";

        KafkaTestClient.send(Topics.LEDGER_EVENTS, serial, withKey);

        String masked = withKey.replace("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M", "*****-*****-*****-*****-7QX4M");
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(Topics.LEDGER_EVENTS_DLQ, masked);
        assertThat(deadLetter.value()).doesNotContain("TSTAA");
        assertThat(header(deadLetter, "dead-letter-reason")).isNotBlank();
        assertThat(header(deadLetter, "dead-letter-reason")).doesNotContain("TSTAA");
    }

    @Test
    void unstorableEventGoesToDeadLetterAfterRetries() {
        String lineId = TestEvents.uniqueId("line");
        CloudEvent<KeyExposed> valid = TestEvents.exposure(lineId, TestEvents.uniqueId("SN"));
        // PostgreSQL rejects the NUL character in text, so every attempt to store this alert fails.
        KeyExposed withNul = new KeyExposed(
                valid.data().serial(),
                lineId,
                valid.data().stationId(),
                valid.data().maskedKey(),
                valid.data().partialKey(),
                valid.data().fingerprint(),
                valid.data().report(),
                "/notes\0");
        String unstorable =
                TestEvents.encode(CloudEvent.create(valid.source(), valid.subject(), valid.time(), withNul));

        KafkaTestClient.send(Topics.LINE_EVENTS, "7QX4M", unstorable);
        KafkaTestClient.send(Topics.LINE_EVENTS, "7QX4M", TestEvents.encode(valid));

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(Topics.LINE_EVENTS_DLQ, unstorable);
        assertThat(header(deadLetter, "dead-letter-reason")).contains("failed after 3 retries");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("summary", String.class))
                        .singleElement()
                        .satisfies(summary -> assertThat(summary).endsWith(", at /notes")));
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String topic, String value) {
        return await().atMost(TIMEOUT)
                .until(() -> find(KafkaTestClient.readAll(topic), value), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<ConsumerRecord<String, String>> find(
            List<ConsumerRecord<String, String>> records, String value) {
        return records.stream().filter(r -> value.equals(r.value())).findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
