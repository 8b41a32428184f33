package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alerts about devices that clear by themselves: a key left in the registry, and an unknown device matched later. */
@QuarkusTest
class DeviceRuleAlertsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void unclearedKeyResolvedByKeyCleared() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");
        String serial = TestEvents.uniqueId("SN");

        KafkaTestClient.sendAll(
                Topics.LINE_EVENTS,
                keyId,
                List.of(
                        TestEvents.encode(TestEvents.provisioned(serial, lineId, keyId, false, Instant.now())),
                        TestEvents.encode(TestEvents.step(serial, lineId, keyId, "generalized"))));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("rule"))
                        .containsExactly("key-exposure"));
        JsonPath body = alerts(Map.of("lineId", lineId));
        assertThat(body.getString("[0].severity")).isEqualTo("high");
        assertThat(body.getMap("[0].labels"))
                .isEqualTo(Map.of(
                        "partialKey", "7QX4M",
                        "lineId", lineId,
                        "stationId", "sysprep-01",
                        "serial", serial,
                        "location", "registry"));

        KafkaTestClient.send(
                Topics.LINE_EVENTS, keyId, TestEvents.encode(TestEvents.step(serial, lineId, keyId, "key-cleared")));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("status"))
                        .containsExactly("resolved"));
    }

    @Test
    void matchedActivationResolvesUnknownDevice() {
        String keyId = TestEvents.uniqueId("KEY");
        String serial = TestEvents.uniqueId("SN");
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.unattributed(keyId, serial, "line-1")));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("firing"));

        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.matched(keyId, serial)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        assertThat(alerts(Map.of("keyId", keyId)).getString("[0].summary"))
                .isEqualTo("the ledger matched the activation of device " + serial + " to its provisioning with key "
                        + keyId + ", which arrived later");
    }

    @Test
    void answerFileWithOurKeyCritical() {
        String keyId = TestEvents.uniqueId("KEY");
        String fingerprint = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        String lineId = TestEvents.uniqueId("line");
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, 100, 10, "active", fingerprint, null)));
        await().atMost(TIMEOUT).until(() -> KeyFacts.exists(keyId));

        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                "7QX4M",
                TestEvents.encode(
                        TestEvents.exposure(lineId, "SN-1", "answer-file", "/unattend/ProductKey", fingerprint)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("rule"))
                        .containsExactly("key-exposure"));
        JsonPath body = alerts(Map.of("lineId", lineId));
        assertThat(body.getString("[0].severity")).isEqualTo("critical");
        assertThat(body.getString("[0].summary"))
                .isEqualTo("an answer file of device SN-1 on station imaging-01, line " + lineId + ", holds the full"
                        + " product key *****-*****-*****-*****-7QX4M (our key " + keyId + ") at /unattend/ProductKey");
    }
}
