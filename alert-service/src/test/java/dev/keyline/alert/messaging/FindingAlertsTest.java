package dev.keyline.alert.messaging;

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
import java.util.List;
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
                        "device-provisioned",
                        "fingerprint",
                        "0123456789abcdef"));
        assertThat(body.getString("[0].summary"))
                .isEqualTo("station imaging-01 on line " + lineId + " sent the full product key"
                        + " *****-*****-*****-*****-7QX4M in its device-provisioned report for device " + serial
                        + ", at /notes");
        assertThat(body.getString("[0].action")).contains("'slmgr /cpky'");
        assertThat(body.getLong("[0].occurrences")).isEqualTo(1);
    }

    @Test
    void sharedPartialKeyRaisesTwoAlerts() {
        // Both keys end in 7QX4M and leak at the same station in the same kind of report.
        String keyC = TestEvents.uniqueId("KEY");
        String keyD = TestEvents.uniqueId("KEY");
        String fingerprintC = "1a2b3c4d5e6f7081" + "9".repeat(48);
        String fingerprintD = "f0e1d2c3b4a59687" + "9".repeat(48);
        String lineId = TestEvents.uniqueId("line");
        for (String[] key : new String[][] {{keyC, fingerprintC}, {keyD, fingerprintD}}) {
            KafkaTestClient.send(
                    Topics.LEDGER_EVENTS,
                    key[0],
                    TestEvents.encode(TestEvents.balance(key[0], 100, 10, "active", key[1], null)));
        }
        await().atMost(TIMEOUT).until(() -> KeyFacts.exists(keyC) && KeyFacts.exists(keyD));

        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                "7QX4M",
                TestEvents.encode(TestEvents.exposure(lineId, "SN-1", "device-provisioned", "/notes", fingerprintC)));
        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                "7QX4M",
                TestEvents.encode(TestEvents.exposure(lineId, "SN-2", "device-provisioned", "/notes", fingerprintD)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("$"))
                        .hasSize(2));
        for (String keyId : List.of(keyC, keyD)) {
            JsonPath body = alerts(Map.of("lineId", lineId, "keyId", keyId));
            assertThat(body.getList("$")).hasSize(1);
            assertThat(body.getMap("[0].labels"))
                    .isEqualTo(Map.of(
                            "keyId",
                            keyId,
                            "partialKey",
                            "7QX4M",
                            "lineId",
                            lineId,
                            "stationId",
                            "imaging-01",
                            "report",
                            "device-provisioned"));
            assertThat(body.getString("[0].status")).isEqualTo("firing");
            assertThat(body.getLong("[0].occurrences")).isEqualTo(1);
            assertThat(history(body.getString("[0].id")).getList("change")).containsExactly("raised");
        }
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
