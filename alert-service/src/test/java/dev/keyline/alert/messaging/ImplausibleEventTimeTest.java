package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Events dated before 2000 or more than a day after the service's clock go to the dead-letter topic with the reason,
 * and change no fact or alert, while the valid events around them are processed.
 */
@QuarkusTest
class ImplausibleEventTimeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");
    private static final Instant BEFORE_2000 = Instant.parse("1999-12-31T23:59:59Z");

    @Test
    void lineEventsWithImplausibleTimesDeadLettered() throws SQLException {
        String lineId = TestEvents.uniqueId("line");
        String keyId = TestEvents.uniqueId("KEY");
        String farSerial = TestEvents.uniqueId("SN");
        String oldSerial = TestEvents.uniqueId("SN");
        String farFuture = TestEvents.encode(TestEvents.provisioned(farSerial, lineId, keyId, true, FAR_FUTURE));
        String before2000 = TestEvents.encode(
                TestEvents.activation(oldSerial, lineId, keyId, "0xC004C003", null, null, BEFORE_2000));
        // Valid exposures before and after them on the same partition show that the consumer went on.
        String first = TestEvents.encode(TestEvents.exposure(lineId, TestEvents.uniqueId("SN")));
        String last = TestEvents.encode(TestEvents.exposure(lineId, TestEvents.uniqueId("SN")));

        KafkaTestClient.sendAll(Topics.LINE_EVENTS, keyId, List.of(first, farFuture, before2000, last));

        ConsumerRecord<String, String> farLetter = awaitDeadLetter(Topics.LINE_EVENTS_DLQ, farFuture);
        assertThat(header(farLetter, "dead-letter-reason"))
                .contains("time 9999-12-31T00:00:00Z is more than a day after the consumer's clock");
        assertThat(header(farLetter, "dead-letter-consumer")).isEqualTo("keyline-alert-service");
        ConsumerRecord<String, String> oldLetter = awaitDeadLetter(Topics.LINE_EVENTS_DLQ, before2000);
        assertThat(header(oldLetter, "dead-letter-reason"))
                .contains("time 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z");
        // Both exposures have the same labels, so they are two occurrences of one alert.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("occurrences"))
                        .containsExactly(2));
        assertThat(count("SELECT count(*) FROM devices WHERE serial = ?", farSerial))
                .isZero();
        assertThat(count("SELECT count(*) FROM activation_attempts WHERE serial = ?", oldSerial))
                .isZero();
        assertThat(alerts(Map.of("keyId", keyId)).getList("$")).isEmpty();
    }

    @Test
    void ledgerEventsWithImplausibleTimesDeadLettered() throws SQLException {
        String keyId = TestEvents.uniqueId("KEY");
        // The two implausible balances have nothing available. The valid one after them leaves 5 of 100.
        String farFuture = TestEvents.encode(TestEvents.balance(keyId, 100, 5, 95, FAR_FUTURE));
        String before2000 = TestEvents.encode(TestEvents.balance(keyId, 100, 5, 95, BEFORE_2000));
        CloudEvent<BalanceChanged> valid = TestEvents.balance(keyId, 5);

        KafkaTestClient.sendAll(Topics.LEDGER_EVENTS, keyId, List.of(farFuture, before2000, TestEvents.encode(valid)));

        ConsumerRecord<String, String> farLetter = awaitDeadLetter(Topics.LEDGER_EVENTS_DLQ, farFuture);
        assertThat(header(farLetter, "dead-letter-reason"))
                .contains("time 9999-12-31T00:00:00Z is more than a day after the consumer's clock")
                .contains("correct the producer's clock");
        assertThat(header(farLetter, "dead-letter-topic")).isEqualTo(Topics.LEDGER_EVENTS);
        ConsumerRecord<String, String> oldLetter = awaitDeadLetter(Topics.LEDGER_EVENTS_DLQ, before2000);
        assertThat(header(oldLetter, "dead-letter-reason"))
                .contains("time 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("rule"))
                        .containsExactly("key-low"));
        assertThat(count("SELECT count(*) FROM balance_samples WHERE key_id = ?", keyId))
                .isEqualTo(1);
    }

    @Test
    void unknownTypeWithFarFutureTimeDeadLettered() {
        String lineId = TestEvents.uniqueId("line");
        String unknown = "{\"specversion\": \"1.0\", \"id\": \"" + UUID.randomUUID() + "\", \"source\": \"/lines/"
                + lineId + "/stations/qa-01\", \"type\": \"keyline.device.recalled.v1\", \"subject\": \"SN-1\","
                + " \"time\": \"" + FAR_FUTURE + "\", \"datacontenttype\": \"application/json\", \"data\": {}}";

        KafkaTestClient.send(Topics.LINE_EVENTS, lineId, unknown);

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(Topics.LINE_EVENTS_DLQ, unknown);
        assertThat(header(deadLetter, "dead-letter-reason"))
                .contains("time 9999-12-31T00:00:00Z is more than a day after the consumer's clock");
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String topic, String value) {
        return await().atMost(TIMEOUT)
                .until(() -> find(KafkaTestClient.readAll(topic), value), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<ConsumerRecord<String, String>> find(
            List<ConsumerRecord<String, String>> records, String value) {
        return records.stream()
                .filter(r -> value.equals(r.value()))
                .filter(r -> r.headers().lastHeader("dead-letter-consumer") != null)
                .filter(r -> "keyline-alert-service".equals(text(r.headers().lastHeader("dead-letter-consumer"))))
                .findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return text(header);
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long count(String sql, String value) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
