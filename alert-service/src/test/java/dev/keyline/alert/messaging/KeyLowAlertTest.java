package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.AlertmanagerTestResource;
import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.alert.support.WebhookTestResource;
import dev.keyline.embedded.KafkaTestResource;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Balances published to keyline.ledger-events drive the key-low alert (threshold 20, recovery margin 5). The test
 * resources declared here serve every {@code @QuarkusTest} of the module: Kafka, PostgreSQL, the webhook receiver
 * and Alertmanager.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "keyline_alert"))
@QuarkusTestResource(WebhookTestResource.class)
@QuarkusTestResource(AlertmanagerTestResource.class)
class KeyLowAlertTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void lowTwiceFiresOneAlert() {
        String keyId = TestEvents.uniqueId("KEY");

        publishBalance(keyId, 10);
        publishBalance(keyId, 8);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath body = alerts(Map.of("keyId", keyId));
            assertThat(body.getList("$")).hasSize(1);
            assertThat(body.getLong("[0].occurrences")).isEqualTo(2);
        });
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].rule")).isEqualTo("key-low");
        assertThat(body.getString("[0].severity")).isEqualTo("warning");
        assertThat(body.getString("[0].status")).isEqualTo("firing");
        assertThat(body.getMap("[0].labels")).isEqualTo(Map.of("keyId", keyId, "partialKey", "7QX4M"));
        assertThat(body.getString("[0].summary"))
                .isEqualTo(keyId + " has 8 activations available, below the threshold of 20"
                        + " (allotment 100, consumed 87, committed 5)");
        assertThat(body.getString("[0].action")).isEqualTo("top up the key or switch stations to another key");
        assertThat(body.getString("[0].resolvedAt")).isNull();
    }

    @Test
    void recoveryResolvesAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        publishBalance(keyId, 10);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("firing"));

        publishBalance(keyId, 24);
        publishBalance(keyId, 25);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getLong("[0].occurrences")).isEqualTo(1);
        assertThat(body.getString("[0].resolvedAt")).isNotNull();
        assertThat(body.getString("[0].summary")).startsWith(keyId + " has 25 activations available, at or above");
    }

    @Test
    void lowAfterRecoveryFiresSameAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        publishBalance(keyId, 10);
        publishBalance(keyId, 40);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        String alertId = alerts(Map.of("keyId", keyId)).getString("[0].id");

        publishBalance(keyId, 15);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("firing"));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].id")).isEqualTo(alertId);
        assertThat(body.getLong("[0].occurrences")).isEqualTo(2);
        assertThat(body.getString("[0].resolvedAt")).isNull();
    }

    @Test
    void retiredKeyResolvesAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        publishBalance(keyId, 10);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("firing"));

        // An operator retires the key with 5 activations left, and the ledger publishes its balance with that state.
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, 100, 95, "retired", null, null)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].rule")).isEqualTo("key-low");
        assertThat(body.getLong("[0].occurrences")).isEqualTo(1);
        assertThat(body.getString("[0].summary"))
                .isEqualTo(keyId + " was retired, so stations no longer install it and it needs no top-up; it has 5"
                        + " activations available (allotment 100, consumed 95, committed 0)");
    }

    private static void publishBalance(String keyId, long available) {
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, available)));
    }
}
