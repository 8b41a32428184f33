package dev.keyline.alert.scenario;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static dev.keyline.alert.support.AlertsApi.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key with 800 devices provisioned on a line gets 980 successful activations there. */
@QuarkusTest
class ConsumptionScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void excessRaisesOneCriticalAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");
        String prefix = TestEvents.uniqueId("P");
        Instant provisioning = Instant.now().minus(Duration.ofDays(3));
        Instant activation = Instant.now().minus(Duration.ofDays(1));
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 800; i++) {
            events.add(TestEvents.encode(
                    TestEvents.provisioned(serial(prefix, "D", i), lineId, keyId, true, provisioning.plusSeconds(i))));
        }
        List<CloudEvent<?>> activations = new ArrayList<>();
        for (int i = 1; i <= 800; i++) {
            activations.add(TestEvents.activation(
                    serial(prefix, "D", i), lineId, keyId, "success", null, null, activation.plusSeconds(i)));
        }
        for (int i = 1; i <= 180; i++) {
            activations.add(TestEvents.activation(
                    serial(prefix, "U", i), lineId, keyId, "success", null, null, activation.plusSeconds(800 + i)));
        }
        activations.forEach(event -> events.add(TestEvents.encode(event)));

        KafkaTestClient.sendAll(Topics.LINE_EVENTS, keyId, events);

        // The alert fires at the 811th activation, when the excess of 11 passes the tolerance of 10, and each of
        // the 169 activations after it counts one more occurrence.
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("occurrences", Long.class))
                        .containsExactly(170L));
        JsonPath body = alerts(Map.of("lineId", lineId));
        assertThat(body.getString("[0].rule")).isEqualTo("consumption-above-production");
        assertThat(body.getString("[0].severity")).isEqualTo("critical");
        assertThat(body.getString("[0].status")).isEqualTo("firing");
        assertThat(body.getMap("[0].labels"))
                .isEqualTo(Map.of("keyId", keyId, "partialKey", TestEvents.PARTIAL_KEY, "lineId", lineId));
        assertThat(body.getString("[0].summary"))
                .isEqualTo("line " + lineId + " has 980 devices activated with " + keyId + " (partial key 7QX4M)"
                        + " against 800 provisioned with it: 180 more than provisioned, above the tolerance of 10;"
                        + " 180 activated devices were never provisioned with the key on this line: "
                        + String.join(", ", firstUnmatched(prefix)) + " and 170 more");

        JsonPath changes = history(body.getString("[0].id"));
        assertThat(changes.getString("[0].change")).isEqualTo("raised");
        assertThat(changes.getString("[0].actor"))
                .isEqualTo("event " + activations.get(810).id());
    }

    private static List<String> firstUnmatched(String prefix) {
        List<String> serials = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            serials.add(serial(prefix, "U", i));
        }
        return serials;
    }

    private static String serial(String prefix, String kind, int number) {
        return String.format("%s-%s%04d", prefix, kind, number);
    }
}
