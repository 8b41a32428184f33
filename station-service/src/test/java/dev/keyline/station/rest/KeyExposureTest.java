package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Full product keys in reports. Assertions check for the key with {@code contains} and a description instead of
 * {@code doesNotContain}, so that a failure message does not print the key.
 */
@QuarkusTest
class KeyExposureTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String MASKED = "*****-*****-*****-*****-7QX4M";
    private static final String FINGERPRINT_SECRET = "keyline-development-fingerprint-secret";
    private static final Pattern EXPOSURE_EVENT_ID = Pattern.compile("exposure event ([0-9a-f-]{36})");

    @Test
    void keyInNotesMaskedAndExposed() throws Exception {
        // KEY-A is the one key with the exposed key's partial key, so it keys the exposure event.
        LedgerEvents.publishAndAwait(new BalanceChanged(
                "KEY-A",
                "7QX4M",
                100,
                0,
                0,
                100,
                "cause-1",
                "active",
                0L,
                new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY)));
        String serial = "SN-EXP-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = provisionedReport(serial).put("notes", "cscript slmgr.vbs /ipk " + KEY);

        Response response = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(containsKey(response.asString()))
                .as("response contains the full key")
                .isFalse();
        assertThat(response.jsonPath().getList("exposures")).hasSize(1);
        assertThat(response.jsonPath().getString("exposures[0].maskedKey")).isEqualTo(MASKED);
        assertThat(response.jsonPath().getString("exposures[0].location")).isEqualTo("/notes");
        String exposureId = response.jsonPath().getString("exposures[0].eventId");

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        List<KeyedEvent> provisioned = ofType(events, "keyline.device.provisioned.v1");
        assertThat(provisioned).hasSize(1);
        assertThat(provisioned.get(0).id()).isEqualTo(response.jsonPath().getString("eventId"));
        assertThat(provisioned.get(0).data().path("notes").asText()).isEqualTo("cscript slmgr.vbs /ipk " + MASKED);

        List<KeyedEvent> exposed = ofType(events, "keyline.key.exposed.v1");
        assertThat(exposed).hasSize(1);
        KeyedEvent exposure = exposed.get(0);
        assertThat(exposure.id()).isEqualTo(exposureId);
        assertThat(exposure.key()).isEqualTo("KEY-A");
        assertThat(exposure.data().path("location").asText()).isEqualTo("/notes");
        assertThat(exposure.data().path("partialKey").asText()).isEqualTo("7QX4M");
        assertThat(exposure.data().path("maskedKey").asText()).isEqualTo(MASKED);
        assertThat(exposure.data().path("report").asText()).isEqualTo("device-provisioned");
        assertThat(exposure.data().path("serial").asText()).isEqualTo(serial);
        assertThat(exposure.data().path("lineId").asText()).isEqualTo("line-1");
        assertThat(exposure.data().path("stationId").asText()).isEqualTo("imaging-01");
        assertThat(exposure.data().path("fingerprint").asText())
                .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));

        assertThat(TestDatabase.queryLong("SELECT exposures FROM reports WHERE serial = '" + serial + "'"))
                .isEqualTo(1);
        assertKeyNowhereStored();
    }

    @Test
    void encodedDashKeyMasked() throws Exception {
        // A dash that went through a URL or an XML writer undecoded; the key uses Microsoft's characters only.
        String serial = "SN-ENCD-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode report = provisionedReport(serial).put("notes", "ipk KTPRB%2DCCCCC%2DDDDDD&#45;FFFFF&#45;7QX4M");

        Response response = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("exposures.maskedKey")).containsExactly(MASKED);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> provisioned =
                ofType(TopicReader.eventsFor(Topics.LINE_EVENTS, serial), "keyline.device.provisioned.v1");
        assertThat(provisioned).hasSize(1);
        assertThat(provisioned.get(0).data().path("notes").asText()).isEqualTo("ipk " + MASKED);
    }

    @Test
    void dottedKeyAsSerialRejectedAndExposed() throws Exception {
        String dotted = KEY.replace('-', '.').toLowerCase(Locale.ROOT);
        ObjectNode report = provisionedReport(dotted);

        Response response = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("/serial");
        assertThat(response.asString().toLowerCase(Locale.ROOT))
                .as("the response repeats the dotted key")
                .doesNotContain("tstaa.bbbbb");
        String exposureId = exposureEventId(response.jsonPath().getString("detail"));
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> exposed = TopicReader.events(Topics.LINE_EVENTS).stream()
                .filter(event -> event.id().equals(exposureId))
                .toList();
        assertThat(exposed).hasSize(1);
        assertThat(exposed.get(0).data().path("location").asText()).isEqualTo("/serial");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM devices WHERE serial = '" + dotted + "'"))
                .isZero();
    }

    @Test
    void invalidReportStillExposesKey() throws Exception {
        ObjectNode report = provisionedReport("unused").put("notes", "key " + KEY + " left in unattend.xml");
        report.remove("serial");

        Response response = post(report.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("/serial");
        String detail = response.jsonPath().getString("detail");
        assertThat(detail).contains(MASKED + " at /notes");
        assertThat(containsKey(response.asString()))
                .as("problem contains the full key")
                .isFalse();

        String exposureId = exposureEventId(detail);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> exposed = TopicReader.events(Topics.LINE_EVENTS).stream()
                .filter(event -> event.id().equals(exposureId))
                .toList();
        assertThat(exposed).hasSize(1);
        assertThat(exposed.get(0).type()).isEqualTo("keyline.key.exposed.v1");
        assertThat(exposed.get(0).json().path("subject").asText()).isEqualTo("unknown-device");
        assertThat(exposed.get(0).data().has("serial"))
                .as("exposure names a serial")
                .isFalse();
        assertThat(exposed.get(0).data().path("location").asText()).isEqualTo("/notes");
        assertKeyNowhereStored();
    }

    @Test
    void unreadableBodyStillExposesKey() throws Exception {
        String truncated = "{\"serial\": \"SN-1\",\n \"notes\": \"" + KEY;

        Response response = post(truncated);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).endsWith("/unreadable-body");
        String detail = response.jsonPath().getString("detail");
        assertThat(detail).contains(MASKED + " at line 2, column 12");
        assertThat(containsKey(response.asString()))
                .as("problem contains the full key")
                .isFalse();

        String exposureId = exposureEventId(detail);
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.events(Topics.LINE_EVENTS).stream()
                        .filter(event -> event.id().equals(exposureId)))
                .hasSize(1);
        assertKeyNowhereStored();
    }

    private static void assertKeyNowhereStored() throws Exception {
        for (String topic : List.of(Topics.LINE_EVENTS, Topics.LINE_EVENTS_DLQ, Topics.LEDGER_EVENTS, Topics.ALERTS)) {
            for (ConsumerRecord<String, String> record : TopicReader.readAll(topic)) {
                assertThat(containsKey(record.key()))
                        .as("key of a record on " + topic)
                        .isFalse();
                assertThat(containsKey(record.value()))
                        .as("value of a record on " + topic)
                        .isFalse();
                for (Header header : record.headers()) {
                    assertThat(containsKey(new String(header.value())))
                            .as("header " + header.key())
                            .isFalse();
                }
            }
        }
        List<String> rows = TestDatabase.dumpAllTables();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            assertThat(containsKey(row))
                    .as("a row of table " + row.substring(0, row.indexOf(':')))
                    .isFalse();
        }
    }

    private static boolean containsKey(String text) {
        return text != null && text.toUpperCase(Locale.ROOT).contains(KEY);
    }

    private static String exposureEventId(String detail) {
        Matcher matcher = EXPOSURE_EVENT_ID.matcher(detail);
        assertThat(matcher.find()).as("detail names the exposure event").isTrue();
        return matcher.group(1);
    }

    private static List<KeyedEvent> ofType(List<KeyedEvent> events, String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    private static ObjectNode provisionedReport(String serial) {
        return MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("keyId", "KEY-A")
                .put("method", "audit-mode-ipk")
                .put("keyCleared", false);
    }

    private static Response post(String body) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/reports/device-provisioned");
    }
}
