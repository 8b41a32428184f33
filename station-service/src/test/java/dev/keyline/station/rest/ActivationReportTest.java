package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static Response post(ObjectNode report) {
        return given().auth()
                .oauth2(Tokens.ACTIVATION_STATION)
                .contentType(ContentType.JSON)
                .body(report.toString())
                .post("/api/v1/reports/activation-attempted");
    }
}
