package dev.keyline.alert.delivery;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.service.AlertmanagerResender;
import dev.keyline.alert.support.AlertmanagerApi;
import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.alert.support.WebhookReceiver;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach a real Alertmanager through its API v2. Its GET /api/v2/alerts lists active alerts only, so the end of
 * a resolved alert is read from the notification Alertmanager sends to the test receiver.
 */
@QuarkusTest
class AlertmanagerDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AlertmanagerResender resender;

    @Test
    void raiseAndResolveReachAlertmanager() throws Exception {
        String keyId = TestEvents.uniqueId("KEY");
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 10)));

        await().atMost(TIMEOUT)
                .until(() -> AlertmanagerApi.alertsWithLabel("keyId", keyId).size() == 1);
        JsonPath ours = alerts(Map.of("keyId", keyId));
        String alertId = ours.getString("[0].id");
        Map<String, Object> delivered =
                AlertmanagerApi.alertsWithLabel("keyId", keyId).get(0);
        assertThat(delivered.get("labels"))
                .isEqualTo(
                        Map.of("alertname", "key-low", "severity", "warning", "keyId", keyId, "partialKey", "7QX4M"));
        assertThat(delivered.get("annotations"))
                .isEqualTo(Map.of(
                        "summary",
                        ours.getString("[0].summary"),
                        "action",
                        "top up the key or switch stations to another key"));
        assertThat(millis((String) delivered.get("startsAt"))).isEqualTo(millis(ours.getString("[0].firingSince")));
        assertThat(delivered.get("generatorURL")).isEqualTo("http://localhost:8083/api/v1/alerts/" + alertId);
        assertThat(((Map<?, ?>) delivered.get("status")).get("state")).isEqualTo("active");

        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 50)));

        await().atMost(TIMEOUT).until(() -> resolvedNotification(keyId) != null);
        JsonPath resolved = alerts(Map.of("keyId", keyId));
        JsonNode notified = resolvedNotification(keyId);
        assertThat(notified.get("status").asText()).isEqualTo("resolved");
        assertThat(millis(notified.get("endsAt").asText())).isEqualTo(millis(resolved.getString("[0].resolvedAt")));
        assertThat(notified.get("generatorURL").asText()).isEqualTo("http://localhost:8083/api/v1/alerts/" + alertId);
        assertThat(AlertmanagerApi.alertsWithLabel("keyId", keyId)).isEmpty();
    }

    @Test
    void resendRefreshesActiveAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 10)));
        await().atMost(TIMEOUT)
                .until(() -> AlertmanagerApi.alertsWithLabel("keyId", keyId).size() == 1);
        Instant before = Instant.parse(
                (String) AlertmanagerApi.alertsWithLabel("keyId", keyId).get(0).get("updatedAt"));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(resender.resendNow()).isPositive();
            Instant after = Instant.parse((String)
                    AlertmanagerApi.alertsWithLabel("keyId", keyId).get(0).get("updatedAt"));
            assertThat(after).isAfter(before);
        });
    }

    @Test
    void exhaustedKeyInhibitsKeyLow() {
        String keyId = TestEvents.uniqueId("KEY");
        // allotment 100, committed 5, consumed 100: available -5 fires key-low, key-exhausted and key-over-committed.
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 100, 5, 100, Instant.now())));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(states(keyId))
                .isEqualTo(Map.of(
                        "key-low", "suppressed",
                        "key-exhausted", "active",
                        "key-over-committed", "active")));
        Map<String, Map<String, Object>> byRule = byRule(keyId);
        Map<?, ?> lowStatus = (Map<?, ?>) byRule.get("key-low").get("status");
        assertThat(lowStatus.get("inhibitedBy"))
                .isEqualTo(List.of(byRule.get("key-exhausted").get("fingerprint")));
        // Keyline's own list still shows all three: inhibition only holds back the notification.
        assertThat(alerts(Map.of("keyId", keyId)).getList("rule"))
                .containsExactlyInAnyOrder("key-low", "key-exhausted", "key-over-committed");
    }

    private static Map<String, String> states(String keyId) {
        Map<String, String> states = new HashMap<>();
        byRule(keyId)
                .forEach((rule, alert) -> states.put(rule, (String) ((Map<?, ?>) alert.get("status")).get("state")));
        return states;
    }

    private static Map<String, Map<String, Object>> byRule(String keyId) {
        Map<String, Map<String, Object>> byRule = new HashMap<>();
        for (Map<String, Object> alert : AlertmanagerApi.alertsWithLabel("keyId", keyId)) {
            byRule.put((String) ((Map<?, ?>) alert.get("labels")).get("alertname"), alert);
        }
        return byRule;
    }

    /** Returns the alert of the resolved notification Alertmanager sent for the key, or null while there is none. */
    private static JsonNode resolvedNotification(String keyId) throws Exception {
        List<WebhookReceiver.Request> requests = WebhookReceiver.requests("/alertmanager", keyId);
        for (WebhookReceiver.Request request : requests) {
            for (JsonNode alert : JSON.readTree(request.body()).get("alerts")) {
                if (keyId.equals(alert.get("labels").path("keyId").asText())
                        && "resolved".equals(alert.get("status").asText())) {
                    return alert;
                }
            }
        }
        return null;
    }

    private static Instant millis(String instant) {
        return Instant.parse(instant).truncatedTo(ChronoUnit.MILLIS);
    }
}
