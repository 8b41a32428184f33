package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.getDevice;
import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void mixedKindsStoredTogether() {
        String serial = newSerial("SN-BULK");
        ArrayNode items = MAPPER.createArrayNode();
        items.add(provisioned(serial, "KEY-A", "7QX4M", false).put("kind", "device-provisioned"));
        items.add(step(serial, "key-cleared"));
        items.add(MAPPER.createObjectNode()
                .put("kind", "activation-attempted")
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("channel", "internet")
                .put("result", "0xC004C020"));

        Response response = post(items);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonPath result = response.jsonPath();
        assertThat(result.getInt("count")).isEqualTo(3);
        assertThat(result.getList("results.index")).containsExactly(0, 1, 2);
        assertThat(result.getList("results.report.type"))
                .containsExactly(
                        "keyline.device.provisioned.v1",
                        "keyline.device.step-completed.v1",
                        "keyline.activation.attempted.v1");
        assertThat(result.getString("results[1].report.device.lastStep")).isEqualTo("key-cleared");
        assertThat(getDevice(serial).jsonPath().getString("lastStep")).isEqualTo("key-cleared");
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .as("record keys; the activation names no key, so it takes its device's")
                .extracting(event -> event.key())
                .containsExactly("KEY-A", "KEY-A", "KEY-A");
    }

    @Test
    void invalidItemNamedByIndex() throws Exception {
        String serial = newSerial("SN-BULK");
        ArrayNode items = MAPPER.createArrayNode();
        items.add(provisioned(serial, "KEY-A", "7QX4M", false).put("kind", "device-provisioned"));
        ObjectNode bad = provisioned("bad serial!", "KEY-A", "7QX4M", false).put("kind", "device-provisioned");
        items.add(bad);
        items.add(MAPPER.createObjectNode().put("serial", serial));

        JsonPath problem = post(items).then().statusCode(400).extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("/1/serial", "/2/kind");
        assertThat(problem.getString("errors[1].message")).isEqualTo("is missing");
        assertThat(problem.getString("detail")).contains("/1/serial").contains("no item was stored");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM devices WHERE serial = '" + serial + "'"))
                .isZero();
    }

    @Test
    void ruleViolationStoresNothing() throws Exception {
        String serial = newSerial("SN-BULK");
        ArrayNode items = MAPPER.createArrayNode();
        items.add(provisioned(serial, "KEY-A", "7QX4M", false).put("kind", "device-provisioned"));
        items.add(step(serial, "generalized"));

        JsonPath problem = post(items).then().statusCode(409).extract().jsonPath();

        assertThat(problem.getString("detail")).startsWith("item 1 of the bulk request was rejected");
        assertThat(problem.getString("errors[0].field")).isEqualTo("/1/step");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM devices WHERE serial = '" + serial + "'"))
                .isZero();
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE serial = '" + serial + "'"))
                .isZero();
    }

    @Test
    void activationBeforeProvisioningOfSameKey() throws Exception {
        LedgerEvents.publishAndAwait(
                new BalanceChanged("KEY-BLK", "BLK4K", 5, 0, 0, 5, "cause-blk", "active", 0L, null));
        String activated = newSerial("SN-BULK");
        String provisioned = newSerial("SN-BULK");
        ArrayNode items = MAPPER.createArrayNode();
        // The activation names only the partial key, so keying its event reads the key's balance first.
        items.add(MAPPER.createObjectNode()
                .put("kind", "activation-attempted")
                .put("serial", activated)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("partialKey", "BLK4K")
                .put("channel", "internet")
                .put("result", "success"));
        items.add(provisioned(provisioned, "KEY-BLK", "BLK4K", false).put("kind", "device-provisioned"));

        Response response = post(items);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getInt("count")).isEqualTo(2);
    }

    @Test
    void laterItemsFindKeyUsedUp() throws Exception {
        String eventId = LedgerEvents.publishBalance(
                new BalanceChanged("KEY-ONE", "0NE1K", 1, 0, 0, 1, "cause-1", "active", 0L, null), Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        TestDatabase.queryLong("SELECT count(*) FROM key_balances WHERE event_id = '" + eventId + "'")
                                == 1);
        String first = newSerial("SN-BULK");
        String second = newSerial("SN-BULK");
        ArrayNode items = MAPPER.createArrayNode();
        items.add(provisioned(first, "KEY-ONE", "0NE1K", false).put("kind", "device-provisioned"));
        items.add(provisioned(second, "KEY-ONE", "0NE1K", false).put("kind", "device-provisioned"));

        JsonPath problem = post(items).then().statusCode(409).extract().jsonPath();

        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/key-unavailable");
        assertThat(problem.getString("errors[0].field")).isEqualTo("/1/keyId");
        assertThat(problem.getString("detail"))
                .contains("available 1 = allotment 1 - consumed 0 - committed 0, and 1 device provisioned with it"
                        + " since is not in that balance yet");
        assertThat(TestDatabase.queryLong(
                        "SELECT count(*) FROM reports WHERE serial IN ('" + first + "', '" + second + "')"))
                .isZero();

        ArrayNode firstAlone = MAPPER.createArrayNode();
        firstAlone.add(provisioned(first, "KEY-ONE", "0NE1K", false).put("kind", "device-provisioned"));
        post(firstAlone).then().statusCode(202);
    }

    @Test
    void objectBodyRejected() {
        JsonPath problem = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"device-provisioned\"}")
                .post("/api/v1/reports/bulk")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
        assertThat(problem.getString("errors[0].message")).isEqualTo("is a JSON object, not an array");
    }

    private static ObjectNode step(String serial, String step) {
        return MAPPER.createObjectNode()
                .put("kind", "device-step")
                .put("serial", serial)
                .put("step", step)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01");
    }

    private static Response post(ArrayNode items) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(items.toString())
                .post("/api/v1/reports/bulk");
    }
}
