package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.getDevice;
import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.postProvisioned;
import static dev.keyline.station.support.StationCalls.postStep;
import static dev.keyline.station.support.StationCalls.postStepBody;
import static dev.keyline.station.support.StationCalls.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.Topics;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowStepTest {

    @Test
    void fullSequenceShipsDevice() {
        String serial = newSerial("SN-FLOW");

        assertThat(postStep(serial, "image-applied").statusCode()).isEqualTo(202);
        Response provisioned = postProvisioned(provisioned(serial, "KEY-A", "7QX4M", false));
        assertThat(provisioned.statusCode()).isEqualTo(202);
        assertThat(provisioned.jsonPath().getString("device.lastStep")).isEqualTo("key-installed");
        assertThat(provisioned.jsonPath().getString("device.nextStep")).isEqualTo("key-cleared");
        for (String step : List.of("key-cleared", "generalized", "qa-passed")) {
            assertThat(postStep(serial, step).statusCode()).as(step).isEqualTo(202);
        }
        Response shipped = postStep(serial, "shipped");

        assertThat(shipped.statusCode()).isEqualTo(202);
        assertThat(shipped.jsonPath().getString("type")).isEqualTo("keyline.device.step-completed.v1");
        assertThat(shipped.jsonPath().getString("device.lastStep")).isEqualTo("shipped");
        assertThat(shipped.jsonPath().getString("device.nextStep")).isNull();

        JsonPath device = getDevice(serial).then().statusCode(200).extract().jsonPath();
        assertThat(device.getString("lastStep")).isEqualTo("shipped");
        assertThat(device.getString("key.keyId")).isEqualTo("KEY-A");
        assertThat(device.getList("shipBlockers")).isEmpty();
        assertThat(device.getList("history.step"))
                .containsExactly(
                        "image-applied", "key-installed", "key-cleared", "generalized", "qa-passed", "shipped");
        assertThat(device.getString("history[1].eventId"))
                .isEqualTo(provisioned.jsonPath().getString("eventId"));

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> steps = TopicReader.eventsFor(Topics.LINE_EVENTS, serial).stream()
                .filter(event -> event.type().equals("keyline.device.step-completed.v1"))
                .toList();
        List<KeyedEvent> keyedByKey =
                steps.stream().filter(event -> event.key().equals("KEY-A")).toList();
        assertThat(keyedByKey)
                .as("steps after the key installation share the key's partition, in order")
                .extracting(event -> event.data().path("step").asText())
                .containsExactly("key-cleared", "generalized", "qa-passed", "shipped");
        assertThat(keyedByKey.get(3).id()).isEqualTo(shipped.jsonPath().getString("eventId"));
        assertThat(keyedByKey.get(3).data().path("partialKey").asText()).isEqualTo("7QX4M");
        List<KeyedEvent> keyedBySerial =
                steps.stream().filter(event -> event.key().equals(serial)).toList();
        assertThat(keyedBySerial)
                .as("image-applied came before any key, so it is keyed by serial")
                .extracting(event -> event.data().path("step").asText())
                .containsExactly("image-applied");
        assertThat(steps).hasSize(5);
    }

    @Test
    void generalizeBeforeClearRejected() {
        String serial = newSerial("SN-CPKY");
        postProvisioned(provisioned(serial, "KEY-A", "7QX4M", false)).then().statusCode(202);

        Response response = postStep(serial, "generalized");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/step-out-of-order");
        assertThat(problem.getString("detail")).contains("still in the registry");
        assertThat(problem.getString("detail")).contains("run slmgr /cpky, then report key-cleared");
        assertThat(problem.getList("errors")).hasSize(1);
        assertThat(problem.getString("errors[0].field")).isEqualTo("/step");
        assertThat(getDevice(serial).jsonPath().getString("lastStep")).isEqualTo("key-installed");
    }

    @Test
    void clearedProvisioningCompletesStep() {
        String serial = newSerial("SN-CLR");

        Response response = postProvisioned(provisioned(serial, null, "H2K9D", true));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getString("device.lastStep")).isEqualTo("key-cleared");
        JsonPath device = getDevice(serial).jsonPath();
        assertThat(device.getList("history.step")).containsExactly("image-applied", "key-installed", "key-cleared");
        assertThat(device.getBoolean("history[0].implied")).isTrue();
        assertThat(device.getString("history[0].eventId")).isNull();

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events)
                .extracting(KeyedEvent::type)
                .containsExactlyInAnyOrder("keyline.device.provisioned.v1", "keyline.device.step-completed.v1");
        assertThat(events).allSatisfy(event -> assertThat(event.key()).isEqualTo("H2K9D"));
    }

    @Test
    void defaultKeyCannotShip() {
        String serial = newSerial("SN-DEF");
        postProvisioned(provisioned(serial, null, "3V66T", true).put("defaultKey", true))
                .then()
                .statusCode(202);
        postStep(serial, "generalized").then().statusCode(202);
        postStep(serial, "qa-passed").then().statusCode(202);

        Response response = postStep(serial, "shipped");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.jsonPath().getString("detail")).contains("default manufacturing key ending in 3V66T");
        assertThat(getDevice(serial).jsonPath().getBoolean("key.defaultKey")).isTrue();
    }

    @Test
    void heldAtListsWaitingDevices() {
        String waiting = newSerial("SN-HELD");
        String cleared = newSerial("SN-HELD");
        postProvisioned(provisioned(waiting, "KEY-A", "7QX4M", false)).then().statusCode(202);
        postProvisioned(provisioned(cleared, "KEY-A", "7QX4M", true)).then().statusCode(202);

        List<String> held = given().auth()
                .oauth2(Tokens.OPERATOR)
                .queryParam("heldAt", "key-cleared")
                .queryParam("limit", 1000)
                .get("/api/v1/devices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("serial");

        assertThat(held).contains(waiting);
        assertThat(held).doesNotContain(cleared);
    }

    @Test
    void badLimitNamedBeforeMissingStep() {
        JsonPath limit = given().auth()
                .oauth2(Tokens.OPERATOR)
                .queryParam("limit", 0)
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();
        JsonPath missing = given().auth()
                .oauth2(Tokens.OPERATOR)
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(limit.getString("errors[0].field")).isEqualTo("limit");
        assertThat(missing.getString("errors[0].field")).isEqualTo("heldAt");
        assertThat(missing.getString("errors[0].message")).isEqualTo("is missing");
    }

    @Test
    void unknownHeldAtRejected() {
        JsonPath problem = given().auth()
                .oauth2(Tokens.OPERATOR)
                .queryParam("heldAt", "painted")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("heldAt");
        assertThat(problem.getString("detail")).contains("'painted'");
    }

    @Test
    void wrongLimitNamed() {
        JsonPath problem = given().auth()
                .oauth2(Tokens.OPERATOR)
                .queryParam("heldAt", "key-cleared")
                .queryParam("limit", "many")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("limit");
        assertThat(problem.getString("errors[0].message"))
                .isEqualTo("must be a whole number from 1 to 1000, got 'many'");
    }

    @Test
    void misspeltParameterNamed() {
        JsonPath problem = given().auth()
                .oauth2(Tokens.OPERATOR)
                .queryParam("heldAt", "key-cleared")
                .queryParam("limt", "5")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/unknown-parameter");
        assertThat(problem.getString("errors[0].field")).isEqualTo("limt");
        assertThat(problem.getString("errors[0].fix"))
                .isEqualTo("remove it, or check its spelling: this endpoint takes only heldAt, limit");
    }

    @Test
    void repeatedParameterNamed() {
        JsonPath problem = given().auth()
                .oauth2(Tokens.OPERATOR)
                .queryParam("heldAt", "key-cleared", "shipped")
                .get("/api/v1/devices")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/repeated-parameter");
        assertThat(problem.getString("errors[0].field")).isEqualTo("heldAt");
        assertThat(problem.getString("errors[0].message")).isEqualTo("was given 2 times");
    }

    @Test
    void bodySerialMustMatchPath() {
        String body = "{\"serial\": \"SN-OTHER\", \"step\": \"image-applied\", \"lineId\": \"line-1\","
                + " \"stationId\": \"imaging-01\"}";

        JsonPath problem =
                postStepBody("SN-PATH", body).then().statusCode(400).extract().jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("/serial");
        assertThat(problem.getString("errors[0].message")).contains("'SN-PATH'");
    }

    @Test
    void stepDatedBeforePreviousWarned() {
        String serial = newSerial("SN-TIME");
        imageAppliedAt(serial, "2026-12-05T10:00:00Z").then().statusCode(202);

        // A second image-applied starts a new cycle, so the step is accepted, dated four days before the first.
        Response early = imageAppliedAt(serial, "2026-12-01T09:00:00Z");

        assertThat(early.statusCode()).isEqualTo(202);
        assertThat(early.jsonPath().getList("warnings", String.class))
                .containsExactly("step image-applied is dated 2026-12-01T09:00:00Z, before the device's previous step"
                        + " image-applied at 2026-12-05T10:00:00Z; the history lists steps in the order received, so"
                        + " check the station's clock or the time it sent");
    }

    @Test
    void provisioningDatedBeforeLatestStepWarned() {
        String serial = newSerial("SN-PTIME");
        imageAppliedAt(serial, "2026-12-05T12:00:00Z").then().statusCode(202);

        Response provisioned =
                postProvisioned(provisioned(serial, "KEY-A", "7QX4M", false).put("time", "2026-12-05T11:50:00Z"));

        assertThat(provisioned.statusCode()).isEqualTo(202);
        // The other warning, if any, is about the key's balance, which this test does not publish.
        assertThat(provisioned.jsonPath().getList("warnings", String.class))
                .contains("step key-installed is dated 2026-12-05T11:50:00Z, before the device's previous step"
                        + " image-applied at 2026-12-05T12:00:00Z; the history lists steps in the order received, so"
                        + " check the station's clock or the time it sent");
    }

    @Test
    void unknownDeviceNotFound() {
        getDevice("SN-NEVER-SEEN").then().statusCode(404);
    }

    @Test
    void invalidSerialNamedOnRead() {
        JsonPath problem = getDevice("\u00E9").then().statusCode(400).extract().jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("serial");
        assertThat(problem.getString("errors[0].message")).endsWith(", got '\u00E9'");
        assertThat(problem.getString("errors[0].fix"))
                .isEqualTo("use the path of a device serial of 1 to 64 letters, digits, '.', '_' or '-', not dots"
                        + " alone");
        getDevice("A".repeat(65)).then().statusCode(400);
    }

    private static Response imageAppliedAt(String serial, String time) {
        return postStepBody(
                serial,
                "{\"step\": \"image-applied\", \"lineId\": \"line-1\", \"stationId\": \"imaging-01\", \"time\": \""
                        + time + "\"}");
    }
}
