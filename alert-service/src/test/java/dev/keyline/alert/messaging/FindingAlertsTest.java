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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key exposure from the station service and an unattributed activation from the ledger each raise one alert. */
@QuarkusTest
class FindingAlertsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void exposureRaisesCriticalAlert() {
        String lineId = TestEvents.uniqueId("line");
        String serial = TestEvents.uniqueId("SN");

        KafkaTestClient.send(Topics.LINE_EVENTS, "7QX4M", TestEvents.encode(TestEvents.exposure(lineId, serial)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("$"))
                        .hasSize(1));
        JsonPath body = alerts(Map.of("lineId", lineId));
        assertThat(body.getString("[0].rule")).isEqualTo("key-exposure");
        assertThat(body.getString("[0].severity")).isEqualTo("critical");
        assertThat(body.getString("[0].status")).isEqualTo("firing");
        assertThat(body.getMap("[0].labels"))
                .isEqualTo(Map.of(
                        "partialKey",
                        "7QX4M",
                        "lineId",
                        lineId,
                        "stationId",
                        "imaging-01",
                        "report",
                        "device-provisioned"));
        assertThat(body.getString("[0].summary"))
                .isEqualTo("station imaging-01 on line " + lineId + " sent the full product key"
                        + " *****-*****-*****-*****-7QX4M in its device-provisioned report for device " + serial
                        + ", at /notes");
        assertThat(body.getString("[0].action")).contains("'slmgr /cpky'");
        assertThat(body.getLong("[0].occurrences")).isEqualTo(1);
    }

    @Test
    void unattributedRaisesHighAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        String serial = TestEvents.uniqueId("SN");

        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.unattributed(keyId, serial, "line-1")));

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(alerts(Map.of("keyId", keyId)).getList("$")).hasSize(1));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].rule")).isEqualTo("activation-unknown-device");
        assertThat(body.getString("[0].severity")).isEqualTo("high");
        assertThat(body.getString("[0].status")).isEqualTo("firing");
        assertThat(body.getMap("[0].labels"))
                .isEqualTo(Map.of("serial", serial, "keyId", keyId, "partialKey", "7QX4M", "lineId", "line-1"));
        assertThat(body.getString("[0].action")).startsWith("check where device " + serial + " came from");
    }
}
