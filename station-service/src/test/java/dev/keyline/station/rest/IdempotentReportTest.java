package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.Topics;
import dev.keyline.station.support.StationCalls;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Report requests sent again with the same {@code Idempotency-Key}, as a station does after a lost 202. */
@QuarkusTest
class IdempotentReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String MASKED = "*****-*****-*****-*****-7QX4M";

    @Test
    void resentProvisioningBookedOnce() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM");
        String key = UUID.randomUUID().toString();
        String body = StationCalls.provisioned(serial, "KEY-A", "7QX4M", true)
                .put("notes", "cscript slmgr.vbs /ipk " + KEY)
                .toString();

        Response first = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, body);
        Response again = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.header(IdempotentResponses.REPLAYED_HEADER)).isNull();
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header(IdempotentResponses.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(MAPPER.readTree(again.asString())).isEqualTo(MAPPER.readTree(first.asString()));
        assertThat(again.jsonPath().getString("exposures[0].maskedKey")).isEqualTo(MASKED);
        assertThat(again.asString()).doesNotContain(KEY);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE serial = '" + serial + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM idempotent_requests WHERE idempotency_key = '" + key
                        + "' AND event_id = '" + first.jsonPath().getString("eventId") + "'"))
                .isEqualTo(1);

        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(KeyedEvent::type)
                .containsExactlyInAnyOrder(
                        "keyline.device.provisioned.v1", "keyline.device.step-completed.v1", "keyline.key.exposed.v1");
    }

    @Test
    void racingResendsBookedOnce() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM-RACE");
        String key = UUID.randomUUID().toString();
        String body = StationCalls.provisioned(serial, "KEY-A", "7QX4M", false).toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);

        List<Response> responses = new ArrayList<>();
        try {
            List<Future<Response>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(pool.submit(
                        () -> post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, body)));
            }
            for (Future<Response> send : sends) {
                responses.add(send.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // Which requests lose the race varies, so each response must be one of the three documented outcomes.
        List<Response> booked = responses.stream()
                .filter(response ->
                        response.statusCode() == 202 && response.header(IdempotentResponses.REPLAYED_HEADER) == null)
                .toList();
        assertThat(booked).hasSize(1);
        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode() == 202
                        || (response.statusCode() == 503
                                && response.jsonPath()
                                        .getString("type")
                                        .equals("https://keyline.dev/problems/report-not-stored")
                                // 1 s after a race for the key, 30 s after a failed transaction such as a deadlock
                                && List.of("1", "30").contains(response.header("Retry-After"))))
                .as("202, or 503 report-not-stored with Retry-After, got " + response.statusCode())
                .isTrue());
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE serial = '" + serial + "'"))
                .isEqualTo(1);
    }

    @Test
    void sameKeyOtherBodyRejected() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM");
        String key = "line-1:imaging-01:" + serial;
        ObjectNode report = StationCalls.provisioned(serial, "KEY-A", "7QX4M", false);
        Response first = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, report.toString());

        Response other = post(
                "/api/v1/reports/device-provisioned",
                Tokens.IMAGING_STATION,
                key,
                report.put("keyCleared", true).toString());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/idempotency-key-reused");
        assertThat(other.jsonPath().getString("detail"))
                .startsWith("Idempotency-Key '" + key + "' of line-1/imaging-01 was first used at ")
                .contains("which booked event " + first.jsonPath().getString("eventId"))
                .endsWith("send this report with a new key, or send the first request unchanged to get its"
                        + " response again");
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(KeyedEvent::type)
                .containsExactly("keyline.device.provisioned.v1");
    }

    @Test
    void swappedKeyResendRejected() throws Exception {
        // Both notes read the same once masked; the second key must not pass as a resend of the first request.
        String serial = StationCalls.newSerial("SN-SWAP");
        String key = "line-1:imaging-01:" + serial;
        ObjectNode report = StationCalls.provisioned(serial, "KEY-A", "7QX4M", false);
        Response first = post(
                "/api/v1/reports/device-provisioned",
                Tokens.IMAGING_STATION,
                key,
                report.put("notes", "ipk " + KEY).toString());

        Response swapped = post(
                "/api/v1/reports/device-provisioned",
                Tokens.IMAGING_STATION,
                key,
                report.put("notes", "ipk TSTQQ-RRRRR-SSSSS-TTTTT-7QX4M").toString());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(swapped.statusCode()).isEqualTo(422);
        assertThat(swapped.jsonPath().getString("type"))
                .isEqualTo("https://keyline.dev/problems/idempotency-key-reused");
        assertThat(swapped.asString()).doesNotContain("TSTQQ").doesNotContain("TSTAA");
        // The second key left the station too, so the 422 records it as exposed.
        String detail = swapped.jsonPath().getString("detail");
        assertThat(detail)
                .contains("to get its response again. The request contained full product keys, which were masked and"
                        + " recorded as exposed: " + MASKED + " at line 1 (exposure event ");
        String exposureId = detail.replaceAll(".*\\(exposure event ([0-9a-f-]{36})\\).*", "$1");
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.events(Topics.LINE_EVENTS))
                .filteredOn(event -> event.id().equals(exposureId))
                .singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo("keyline.key.exposed.v1"))
                .satisfies(event ->
                        assertThat(event.data().path("report").asText()).isEqualTo("device-provisioned"));
    }

    @Test
    void keyBelongsToItsStation() {
        String key = UUID.randomUUID().toString();
        String first = StationCalls.provisioned(StationCalls.newSerial("SN-IDEM"), "KEY-A", "7QX4M", false)
                .toString();
        String activation = MAPPER.createObjectNode()
                .put("serial", StationCalls.newSerial("SN-IDEM"))
                .put("lineId", "line-1")
                .put("stationId", "activation-01")
                .put("keyId", "KEY-A")
                .put("partialKey", "7QX4M")
                .put("channel", "internet")
                .put("result", "success")
                .toString();

        Response provisioned = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, first);
        Response activated = post("/api/v1/reports/activation-attempted", Tokens.ACTIVATION_STATION, key, activation);

        assertThat(provisioned.statusCode()).isEqualTo(202);
        assertThat(activated.statusCode()).isEqualTo(202);
        assertThat(activated.header(IdempotentResponses.REPLAYED_HEADER)).isNull();
        assertThat(activated.jsonPath().getString("eventId"))
                .isNotEqualTo(provisioned.jsonPath().getString("eventId"));
    }

    @Test
    void resentStepAndBulkBookedOnce() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM");
        assertThat(StationCalls.postProvisioned(StationCalls.provisioned(serial, "KEY-A", "7QX4M", true))
                        .statusCode())
                .isEqualTo(202);
        String step = "{\"step\":\"generalized\",\"lineId\":\"line-1\",\"stationId\":\"imaging-01\"}";
        String stepKey = UUID.randomUUID().toString();
        String bulkSerial = StationCalls.newSerial("SN-IDEM-BULK");
        String bulk = "["
                + StationCalls.provisioned(bulkSerial, "KEY-A", "7QX4M", false).put("kind", "device-provisioned")
                + "]";
        String bulkKey = UUID.randomUUID().toString();

        Response stepFirst = post("/api/v1/devices/" + serial + "/steps", Tokens.IMAGING_STATION, stepKey, step);
        Response stepAgain = post("/api/v1/devices/" + serial + "/steps", Tokens.IMAGING_STATION, stepKey, step);
        Response bulkFirst = post("/api/v1/reports/bulk", Tokens.IMAGING_STATION, bulkKey, bulk);
        Response bulkAgain = post("/api/v1/reports/bulk", Tokens.IMAGING_STATION, bulkKey, bulk);

        assertThat(stepFirst.statusCode()).isEqualTo(202);
        assertThat(stepAgain.statusCode()).isEqualTo(202);
        assertThat(stepAgain.header(IdempotentResponses.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(stepAgain.jsonPath().getString("eventId"))
                .isEqualTo(stepFirst.jsonPath().getString("eventId"));
        assertThat(bulkFirst.statusCode()).isEqualTo(202);
        assertThat(bulkAgain.statusCode()).isEqualTo(202);
        assertThat(MAPPER.readTree(bulkAgain.asString())).isEqualTo(MAPPER.readTree(bulkFirst.asString()));
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(event -> event.data().path("step").asText())
                .containsExactly("", "key-cleared", "generalized");
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, bulkSerial))
                .extracting(KeyedEvent::type)
                .containsExactly("keyline.device.provisioned.v1");
    }

    @Test
    void resentSlmgrOutputPublishedOnce() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM-SLMGR");
        assertThat(StationCalls.postProvisioned(StationCalls.provisioned(serial, "KEY-A", "7QX4M", true))
                        .statusCode())
                .isEqualTo(202);
        String licensed = "Name: Windows(R), IoTEnterprise edition\r\n"
                + "Description: Windows(R) Operating System, OEM_DM channel\r\n"
                + "Partial Product Key: 7QX4M\r\nLicense Status: Licensed\r\n";
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/devices/" + serial + "/artifacts/slmgr";

        Response first = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .header("Idempotency-Key", key)
                .body(licensed)
                .post(path);
        Response again = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .header("Idempotency-Key", key)
                .body(licensed)
                .post(path);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header(IdempotentResponses.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(MAPPER.readTree(again.asString())).isEqualTo(MAPPER.readTree(first.asString()));
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(KeyedEvent::type)
                .containsExactlyInAnyOrder(
                        "keyline.device.provisioned.v1",
                        "keyline.device.step-completed.v1",
                        "keyline.device.license-reported.v1",
                        "keyline.activation.attempted.v1");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial + "'"))
                .isEqualTo(1);
    }

    @Test
    void oldResponsePrunedThenBookedAgain() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM");
        String key = UUID.randomUUID().toString();
        String body = StationCalls.provisioned(serial, "KEY-A", "7QX4M", false).toString();
        Response first = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, body);

        long aged = TestDatabase.queryLong("WITH aged AS (UPDATE idempotent_requests"
                + " SET received_at = now() - interval '8 days' WHERE idempotency_key = '" + key + "' RETURNING 1)"
                + " SELECT count(*) FROM aged");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> TestDatabase.queryLong(
                                "SELECT count(*) FROM idempotent_requests WHERE idempotency_key = '" + key + "'")
                        == 0);
        Response afterRetention = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, key, body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(aged).isEqualTo(1);
        assertThat(afterRetention.statusCode()).isEqualTo(202);
        assertThat(afterRetention.header(IdempotentResponses.REPLAYED_HEADER)).isNull();
        assertThat(afterRetention.jsonPath().getString("eventId"))
                .isNotEqualTo(first.jsonPath().getString("eventId"));
    }

    @Test
    void invalidKeyNamesTheHeader() {
        String body = StationCalls.provisioned(StationCalls.newSerial("SN-IDEM"), "KEY-A", "7QX4M", false)
                .toString();

        Response spaced = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, "two words", body);
        Response productKey = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, KEY, body);

        Response empty = post("/api/v1/reports/device-provisioned", Tokens.IMAGING_STATION, "", body);
        Response twice = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "first-key")
                .header("Idempotency-Key", "second-key")
                .body(body)
                .post("/api/v1/reports/device-provisioned");

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.jsonPath().getString("errors[0].message")).isEqualTo("was sent 2 times");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.jsonPath().getString("errors[0].field")).isEqualTo("Idempotency-Key");
        assertThat(spaced.statusCode()).isEqualTo(400);
        assertThat(spaced.jsonPath().getString("errors[0].field")).isEqualTo("Idempotency-Key");
        assertThat(spaced.jsonPath().getString("errors[0].message"))
                .isEqualTo("must be 1 to 128 letters, digits, '.', '_', ':' or '-', got 'two words'");
        assertThat(spaced.jsonPath().getString("errors[0].fix")).startsWith("send a new UUID for each report");
        assertThat(productKey.statusCode()).isEqualTo(400);
        assertThat(productKey.jsonPath().getString("errors[0].message")).isEqualTo("must not contain a product key");
        assertThat(productKey.asString()).doesNotContain(KEY);
    }

    private static Response post(String path, String token, String idempotencyKey, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(body)
                .post(path);
    }
}
