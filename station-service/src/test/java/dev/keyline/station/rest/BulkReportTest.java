package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.getDevice;
import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.Topics;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial)).hasSize(3);
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
