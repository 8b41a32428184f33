package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.postProvisioned;
import static dev.keyline.station.support.StationCalls.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.station.support.Artifacts;
import dev.keyline.station.support.Fixtures;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Record keys on {@code keyline.line-events} of events that name no key id: the key with their partial key, else their
 * device's key, read against the real broker. Each test uses partial keys of its own, so the balances other tests
 * publish do not change the outcome.
 */
@QuarkusTest
class RecordKeyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void activationsWithoutKeyIdUseDeviceKey() {
        String serial = newSerial("SN-RK");
        postProvisioned(provisioned(serial, "KEY-RK1", "RKP1A", false)).then().statusCode(202);

        postActivation(activation(serial, "imaging-01").put("partialKey", "RKP1A"))
                .then()
                .statusCode(202);
        postActivation(activation(serial, "imaging-01")).then().statusCode(202);

        List<KeyedEvent> events = eventsFor(serial);
        assertThat(events)
                .extracting(KeyedEvent::type)
                .containsExactly(
                        "keyline.device.provisioned.v1",
                        "keyline.activation.attempted.v1",
                        "keyline.activation.attempted.v1");
        assertThat(events).extracting(KeyedEvent::key).containsExactly("KEY-RK1", "KEY-RK1", "KEY-RK1");
        assertThat(events.get(1).data().has("keyId")).isFalse();
        assertThat(events.get(1).data().path("partialKey").asText()).isEqualTo("RKP1A");
        assertThat(events.get(2).data().has("keyId")).isFalse();
        assertThat(events.get(2).data().has("partialKey")).isFalse();
    }

    @Test
    void uniquePartialKeyNamesKey() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-RK2", "RKP2B"));
        String provisionedSerial = newSerial("SN-RK");
        String unknownSerial = newSerial("SN-RK");

        postProvisioned(provisioned(provisionedSerial, null, "RKP2B", true))
                .then()
                .statusCode(202);
        postActivation(activation(provisionedSerial, "imaging-01")).then().statusCode(202);
        Artifacts.post(provisionedSerial, "event-log", "application/xml", Fixtures.artifact("events-wevtutil.xml"))
                .then()
                .statusCode(202);
        postActivation(activation(unknownSerial, "imaging-01").put("partialKey", "RKP2B"))
                .then()
                .statusCode(202);

        List<KeyedEvent> events = eventsFor(provisionedSerial);
        assertThat(events)
                .extracting(KeyedEvent::type)
                .containsExactly(
                        "keyline.device.provisioned.v1",
                        "keyline.device.step-completed.v1",
                        "keyline.activation.attempted.v1",
                        "keyline.activation.attempted.v1",
                        "keyline.device.license-reported.v1",
                        "keyline.activation.attempted.v1");
        assertThat(events).allSatisfy(event -> assertThat(event.key()).isEqualTo("KEY-RK2"));
        assertThat(events)
                .allSatisfy(event -> assertThat(event.data().has("keyId")).isFalse());
        assertThat(eventsFor(unknownSerial)).extracting(KeyedEvent::key).containsExactly("KEY-RK2");
        // Locking the key's balance refreshes a managed entity, for which Hibernate Reactive logged a deprecation.
        assertThat(Files.readString(Path.of("target/station-service-test.log"), StandardCharsets.UTF_8))
                .doesNotContain("HHH90000034");
    }

    @Test
    void sharedPartialKeyUsesDeviceKey() throws Exception {
        LedgerEvents.publishAndAwait(balance("KEY-RK3A", "RKP3C"));
        LedgerEvents.publishAndAwait(balance("KEY-RK3B", "RKP3C"));
        String serial = newSerial("SN-RK");
        String unknownSerial = newSerial("SN-RK");

        postProvisioned(provisioned(serial, "KEY-RK3B", "RKP3C", false)).then().statusCode(202);
        postActivation(activation(serial, "imaging-01").put("partialKey", "RKP3C"))
                .then()
                .statusCode(202);
        postActivation(activation(unknownSerial, "imaging-01").put("partialKey", "RKP3C"))
                .then()
                .statusCode(202);
        postActivation(activation(unknownSerial, "imaging-01")).then().statusCode(202);

        assertThat(eventsFor(serial)).extracting(KeyedEvent::key).containsExactly("KEY-RK3B", "KEY-RK3B");
        // Two record keys, so two partitions: the topic gives no order between them.
        assertThat(eventsFor(unknownSerial))
                .extracting(KeyedEvent::key)
                .containsExactlyInAnyOrder("RKP3C", unknownSerial);
    }

    @Test
    void bulkItemsFollowEarlierItems() {
        String serial = newSerial("SN-RK");
        String first = postProvisioned(provisioned(serial, "KEY-RK4A", "RKP4D", false))
                .then()
                .statusCode(202)
                .extract()
                .path("eventId");
        ArrayNode items = MAPPER.createArrayNode();
        items.add(activation(serial, "imaging-01").put("kind", "activation-attempted"));
        items.add(provisioned(serial, "KEY-RK4B", "RKP4E", false).put("kind", "device-provisioned"));
        items.add(activation(serial, "imaging-01").put("kind", "activation-attempted"));
        items.add(activation(serial, "imaging-01")
                .put("kind", "activation-attempted")
                .put("partialKey", "RKP4E"));

        List<String> bulkIds = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(items.toString())
                .post("/api/v1/reports/bulk")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getList("results.report.eventId", String.class);

        // The device changes keys, so its events can be on two partitions: match them by event id, not topic order.
        Map<String, String> keyById =
                eventsFor(serial).stream().collect(Collectors.toMap(KeyedEvent::id, KeyedEvent::key));
        assertThat(keyById).hasSize(5);
        assertThat(keyById.get(first)).isEqualTo("KEY-RK4A");
        assertThat(bulkIds).extracting(keyById::get).containsExactly("KEY-RK4A", "KEY-RK4B", "KEY-RK4B", "KEY-RK4B");
    }

    @Test
    void slmgrOtherPartialKeyUsesDeviceKey() {
        String serial = newSerial("SN-RK");
        postProvisioned(provisioned(serial, "KEY-RK5", "RKP5F", true)).then().statusCode(202);
        String licensed = "Name: Windows(R), IoTEnterprise edition\r\n"
                + "Description: Windows(R) Operating System, OEM_DM channel\r\n"
                + "Partial Product Key: RKQ5G\r\nLicense Status: Licensed\r\n";

        Artifacts.post(serial, "slmgr", "text/plain", licensed).then().statusCode(202);

        List<KeyedEvent> events = eventsFor(serial);
        assertThat(events)
                .extracting(KeyedEvent::type)
                .containsExactly(
                        "keyline.device.provisioned.v1",
                        "keyline.device.step-completed.v1",
                        "keyline.device.license-reported.v1",
                        "keyline.activation.attempted.v1");
        assertThat(events).allSatisfy(event -> assertThat(event.key()).isEqualTo("KEY-RK5"));
        assertThat(events.get(3).data().has("keyId")).isFalse();
        assertThat(events.get(3).data().path("partialKey").asText()).isEqualTo("RKQ5G");
    }

    /** Waits for the outbox to drain and returns the serial's events. Events of one record key keep their order. */
    private static List<KeyedEvent> eventsFor(String serial) {
        TestDatabase.awaitOutboxDrained();
        return TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
    }

    private static ObjectNode activation(String serial, String stationId) {
        return MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", stationId)
                .put("channel", "internet")
                .put("result", "success");
    }

    private static Response postActivation(ObjectNode report) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(report.toString())
                .post("/api/v1/reports/activation-attempted");
    }

    private static BalanceChanged balance(String keyId, String partialKey) {
        return new BalanceChanged(keyId, partialKey, 10, 0, 0, 10, "cause-1", "active", 0L, null);
    }
}
