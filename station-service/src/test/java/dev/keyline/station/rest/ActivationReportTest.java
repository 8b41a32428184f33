package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.Topics;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActivationReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void activationWithHresultPublished() {
        String serial = "SN-ACT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "activation-01")
                .put("keyId", "KEY-B")
                .put("channel", "internet")
                .put("result", "0xC004C020");

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getString("type")).isEqualTo("keyline.activation.attempted.v1");

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        KeyedEvent event = events.get(0);
        assertThat(event.id()).isEqualTo(response.jsonPath().getString("eventId"));
        assertThat(event.type()).isEqualTo("keyline.activation.attempted.v1");
        assertThat(event.key()).isEqualTo("KEY-B");
        assertThat(event.json().path("source").asText()).isEqualTo("/lines/line-1/stations/activation-01");
        assertThat(event.data().path("result").asText()).isEqualTo("0xC004C020");
        assertThat(event.data().path("channel").asText()).isEqualTo("internet");
    }

    @Test
    void lowerCaseHresultUpperCased() {
        String serial = "SN-ACT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "activation-01")
                .put("channel", "phone")
                .put("result", "0xc004f00f");

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(202);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).data().path("result").asText()).isEqualTo("0xC004F00F");
        assertThat(events.get(0).key())
                .as("record key without key id or partial key")
                .isEqualTo(serial);
    }

    @Test
    void hardwareHashAndUwfStatePublished() {
        String serial = "SN-ACT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = activation(serial)
                .put("result", "success")
                .put("hardwareHash", "aGFyZHdhcmUtMQ+/v2==")
                .put("uwfEnabled", true);

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(202);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).id()).isEqualTo(response.jsonPath().getString("eventId"));
        assertThat(events.get(0).data().path("hardwareHash").asText()).isEqualTo("aGFyZHdhcmUtMQ+/v2==");
        assertThat(events.get(0).data().path("uwfEnabled").isBoolean()).isTrue();
        assertThat(events.get(0).data().path("uwfEnabled").booleanValue()).isTrue();
    }

    @Test
    void badHardwareHashRejectedWithPointer() throws Exception {
        String serial = "SN-ACT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = activation(serial).put("hardwareHash", "hash with spaces");

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors")).hasSize(1);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("/hardwareHash");
        assertThat(response.jsonPath().getString("errors[0].message"))
                .isEqualTo("must be 1 to 512 letters, digits, '+', '/', '=', '_' or '-', such as a Base64 hardware"
                        + " hash, got 'hash with spaces'");
        assertThat(response.jsonPath().getString("errors[0].fix"))
                .isEqualTo("send the device's hardware hash as Base64 or Base64url text of at most 512 characters,"
                        + " or leave hardwareHash out");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE serial = '" + serial + "'"))
                .isZero();
    }

    @Test
    void uwfStateMustBeBoolean() {
        ObjectNode report = activation("SN-ACT-UWF").put("uwfEnabled", "sometimes");

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors")).hasSize(1);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("/uwfEnabled");
        assertThat(response.jsonPath().getString("errors[0].message"))
                .isEqualTo("must be true or false, got 'sometimes'");
    }

    @Test
    void bulkHardwareHashPublishedAndChecked() {
        String serial = "SN-ACT-" + UUID.randomUUID().toString().substring(0, 8);
        ArrayNode good = MAPPER.createArrayNode();
        good.add(activation(serial)
                .put("kind", "activation-attempted")
                .put("hardwareHash", "aGFyZHdhcmUtMg==")
                .put("uwfEnabled", false));

        Response accepted = postBulk(good);

        assertThat(accepted.statusCode()).isEqualTo(202);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).data().path("hardwareHash").asText()).isEqualTo("aGFyZHdhcmUtMg==");
        assertThat(events.get(0).data().path("uwfEnabled").isBoolean()).isTrue();
        assertThat(events.get(0).data().path("uwfEnabled").booleanValue()).isFalse();

        ArrayNode bad = MAPPER.createArrayNode();
        bad.add(activation(serial).put("kind", "activation-attempted"));
        bad.add(activation(serial).put("kind", "activation-attempted").put("hardwareHash", "a".repeat(513)));

        Response rejected = postBulk(bad);

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.jsonPath().getList("errors.field")).containsExactly("/1/hardwareHash");
        assertThat(rejected.jsonPath().getString("errors[0].message"))
                .isEqualTo("must be 1 to 512 letters, digits, '+', '/', '=', '_' or '-', such as a Base64 hardware"
                        + " hash");
    }

    private static ObjectNode activation(String serial) {
        return MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "activation-01")
                .put("channel", "internet")
                .put("result", "0xC004C003");
    }

    private static Response postBulk(ArrayNode items) {
        return given().auth()
                .oauth2(Tokens.ACTIVATION_STATION)
                .contentType(ContentType.JSON)
                .body(items.toString())
                .post("/api/v1/reports/bulk");
    }

    private static Response post(ObjectNode report) {
        return given().auth()
                .oauth2(Tokens.ACTIVATION_STATION)
                .contentType(ContentType.JSON)
                .body(report.toString())
                .post("/api/v1/reports/activation-attempted");
    }
}
