package dev.keyline.alert.delivery;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.alert.support.WebhookReceiver;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook is retried with back-off when it fails, and receives the alert change once it responds with 2xx. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

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
