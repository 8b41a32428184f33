package dev.keyline.alert.scenario;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static dev.keyline.alert.support.AlertsApi.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Available counts hovering around the key-low threshold. The test configuration has threshold 20 and recovery
 * margin 5, so the readings are those of a threshold of 100 less 80; the domain test {@code KeyLowHysteresisTest}
 * feeds the same sequence at threshold 100.
 */
@QuarkusTest
class KeyLowScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void hoverTopUpAndFallAgain() {
        String keyId = TestEvents.uniqueId("KEY");
        Instant start = Instant.now().minusSeconds(600);
        List<String> readings = new ArrayList<>();
        long[] available = {21, 19, 20, 19, 21, 18};
        for (int i = 0; i < available.length; i++) {
            readings.add(TestEvents.encode(TestEvents.balance(keyId, 100, 5, 95 - available[i], start.plusSeconds(i))));
        }

        KafkaTestClient.sendAll(Topics.LEDGER_EVENTS, keyId, readings);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("occurrences", Long.class))
                        .containsExactly(3L));
        JsonPath low = alerts(Map.of("keyId", keyId));
        assertThat(low.getString("[0].rule")).isEqualTo("key-low");
        assertThat(low.getString("[0].severity")).isEqualTo("warning");
        assertThat(low.getString("[0].status")).isEqualTo("firing");
        String alertId = low.getString("[0].id");
        assertThat(history(alertId).getList("change")).containsExactly("raised", "repeated", "repeated");

        // A top-up of 480 brings the key to 500 available.
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, 580, 5, 75, start.plusSeconds(10))));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        assertThat(alerts(Map.of("keyId", keyId)).getString("[0].summary"))
                .startsWith(keyId + " has 500 activations available, at or above the threshold of 20");

        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, 580, 5, 556, start.plusSeconds(20))));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("firing"));
        JsonPath again = alerts(Map.of("keyId", keyId));
        assertThat(again.getList("$")).hasSize(1);
        assertThat(again.getString("[0].id")).isEqualTo(alertId);
        assertThat(again.getString("[0].summary")).startsWith(keyId + " has 19 activations available");
        assertThat(history(alertId).getList("change"))
                .containsExactly("raised", "repeated", "repeated", "resolved", "refired");
    }
}
