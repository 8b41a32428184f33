package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.embedded.KafkaTestResource;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.Topics;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test resources declared here serve every {@code @QuarkusTest} of the module. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "keyline_station"))
class ProvisionedReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void provisionedReportPublishedOnce() throws Exception {
        String serial = "SN-PROV-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("time", "2026-12-01T08:30:00Z")
                .put("keyId", "KEY-A")
                .put("partialKey", "7QX4M")
                .put("method", "audit-mode-ipk")
                .put("keyCleared", true)
                .put("notes", "slmgr /cpky done before sysprep");

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(202);
        String eventId = response.jsonPath().getString("eventId");
        assertThat(eventId).isNotBlank();
        assertThat(response.jsonPath().getString("type")).isEqualTo("keyline.device.provisioned.v1");
        assertThat(response.jsonPath().getList("exposures")).isEmpty();

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events)
                .extracting(KeyedEvent::type)
                .as("keyCleared also completes the key-cleared step")
                .containsExactly("keyline.device.provisioned.v1", "keyline.device.step-completed.v1");
        KeyedEvent event = events.get(0);
        assertThat(event.id()).isEqualTo(eventId);
        assertThat(event.type()).isEqualTo("keyline.device.provisioned.v1");
        assertThat(event.key()).isEqualTo("KEY-A");
        assertThat(event.json().path("source").asText()).isEqualTo("/lines/line-1/stations/imaging-01");
        assertThat(event.json().path("time").asText()).isEqualTo("2026-12-01T08:30:00Z");

        ObjectNode expectedData = report.deepCopy();
        expectedData.remove("time");
        assertThat(event.data()).isEqualTo(expectedData);
    }

    @Test
    void provisionedReportWritesAuditRow() throws Exception {
        String serial = "SN-AUDIT-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("partialKey", "n0r3g")
                .put("method", "unattend")
                .put("keyCleared", false);

        Response response = post(report);

        assertThat(response.statusCode()).isEqualTo(202);
        String eventId = response.jsonPath().getString("eventId");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE event_id = '" + eventId + "'"
                        + " AND serial = '" + serial + "' AND type = 'keyline.device.provisioned.v1'"
                        + " AND line_id = 'line-1' AND station_id = 'imaging-01' AND partial_key = 'N0R3G'"
                        + " AND key_id IS NULL AND exposures = 0"))
                .isEqualTo(1);

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        // No published balance has this partial key, and the device has no key id, so its partial key is the record
        // key.
        assertThat(events.get(0).key()).isEqualTo("N0R3G");
        assertThat(events.get(0).data().path("partialKey").asText()).isEqualTo("N0R3G");
    }

    private static Response post(ObjectNode report) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(report.toString())
                .post("/api/v1/reports/device-provisioned");
    }
}
