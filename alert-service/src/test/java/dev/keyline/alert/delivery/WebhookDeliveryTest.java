package dev.keyline.alert.delivery;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.service.WebhookSender;
import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.alert.support.WebhookReceiver;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The webhook is retried with back-off when it fails, and receives the alert change once it responds with 2xx. Changes
 * wait in PostgreSQL, so a change queued before a restart is delivered after it.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookSender sender;

    @Test
    void changeQueuedBeforeRestartDelivered() throws Exception {
        String marker = TestEvents.uniqueId("QUEUED");
        // A row left by a process that stopped before it could send the change.
        execute("INSERT INTO webhook_deliveries (alert_id, change, body) VALUES ('" + UUID.randomUUID()
                + "', 'raised', '{\"text\": \"" + marker + "\"}')");

        sender.deliverQueued();

        await().atMost(TIMEOUT)
                .until(() -> WebhookReceiver.requests("/webhook", marker).size() == 1);
        await().atMost(TIMEOUT)
                .until(() -> count("SELECT count(*) FROM webhook_deliveries WHERE body LIKE '%" + marker + "%'") == 0);
        assertThat(WebhookReceiver.requests("/webhook", marker))
                .extracting(WebhookReceiver.Request::status)
                .containsExactly(204);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void failingWebhookRetried() throws Exception {
        String keyId = TestEvents.uniqueId("KEY");
        WebhookReceiver.failFirst("/webhook", keyId, 2);

        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 10)));

        await().atMost(TIMEOUT)
                .until(() -> WebhookReceiver.requests("/webhook", keyId).size() == 3);
        List<WebhookReceiver.Request> calls = WebhookReceiver.requests("/webhook", keyId);
        assertThat(calls).extracting(WebhookReceiver.Request::status).containsExactly(503, 503, 204);
        assertThat(calls)
                .extracting(WebhookReceiver.Request::body)
                .containsOnly(calls.get(0).body());

        String alertId = alerts(Map.of("keyId", keyId)).getString("[0].id");
        JsonNode body = JSON.readTree(calls.get(2).body());
        assertThat(body.get("change").asText()).isEqualTo("raised");
        assertThat(body.get("alertId").asText()).isEqualTo(alertId);
        assertThat(body.get("rule").asText()).isEqualTo("key-low");
        assertThat(body.get("severity").asText()).isEqualTo("warning");
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("labels").get("keyId").asText()).isEqualTo(keyId);
        assertThat(body.get("text").asText())
                .startsWith("[WARNING] key-low raised: " + keyId + " has 10 activations available");
        assertThat(body.get("url").asText()).isEqualTo("http://localhost:8083/api/v1/alerts/" + alertId);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).contains("keyline_webhook_deliveries_total{outcome=\"failed-attempt\"");
    }
}
