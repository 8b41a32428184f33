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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A device that activates three times in a day with Unified Write Filter on. */
@QuarkusTest
class UwfRepeatScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void threeUwfActivationsOneAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");
        String serial = TestEvents.uniqueId("SN");
        Instant start = Instant.now().minus(Duration.ofHours(6));
        CloudEvent<?> first = TestEvents.activation(serial, lineId, keyId, "success", true, "HW-1", start);
        CloudEvent<?> second =
                TestEvents.activation(serial, lineId, keyId, "success", true, "HW-1", start.plusSeconds(3600));
        CloudEvent<?> third =
                TestEvents.activation(serial, lineId, keyId, "success", true, "HW-1", start.plusSeconds(7200));

        KafkaTestClient.sendAll(
                Topics.LINE_EVENTS,
                keyId,
                List.of(
                        TestEvents.encode(TestEvents.provisioned(serial, lineId, keyId, true, start.minusSeconds(60))),
                        TestEvents.encode(first),
                        TestEvents.encode(second),
                        TestEvents.encode(third)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("$"))
                        .hasSize(1));
        JsonPath body = alerts(Map.of("lineId", lineId));
        assertThat(body.getString("[0].rule")).isEqualTo("repeat-activation");
        assertThat(body.getString("[0].severity")).isEqualTo("high");
        assertThat(body.getString("[0].status")).isEqualTo("firing");
        assertThat(body.getMap("[0].labels"))
                .isEqualTo(Map.of("keyId", keyId, "lineId", lineId, "serial", serial, "cause", "uwf-enabled"));
        assertThat(body.getString("[0].summary"))
                .startsWith("device " + serial + " on line " + lineId + " activated 3 times within 24 hours with"
                        + " Unified Write Filter on");
        assertThat(body.getString("[0].action"))
                .startsWith("on device " + serial + ", disable UWF ('uwfmgr filter disable', then restart),"
                        + " activate, then re-enable UWF");
        assertThat(body.getLong("[0].occurrences")).isEqualTo(1);

        JsonPath changes = history(body.getString("[0].id"));
        assertThat(changes.getList("change")).containsExactly("raised");
        assertThat(changes.getString("[0].actor")).isEqualTo("event " + third.id());
    }
}
