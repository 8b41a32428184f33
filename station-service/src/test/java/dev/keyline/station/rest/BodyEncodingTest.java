package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.station.support.KeyLeaks;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request bodies in other encodings than UTF-8. A JSON report that is not valid UTF-8 is rejected, where it used to be
 * stored with U+FFFD in place of its bad bytes. A named charset is honoured. A body rejected for its encoding still
 * raises an exposure for each key its bytes show.
 */
@QuarkusTest
class BodyEncodingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY_ID = "KEY-ENCODING";
    private static final String KEY = "TSTEN-CCCCC-DDDDD-FFFFF-8WX3P";
    private static final String MASKED = "*****-*****-*****-*****-8WX3P";
    private static final Pattern EXPOSURE_EVENT_ID = Pattern.compile("exposure event ([0-9a-f-]{36})");

    @BeforeAll
    static void registerKey() throws Exception {
        LedgerEvents.publishAndAwait(
                new BalanceChanged(KEY_ID, "8WX3P", 100, 0, 0, 100, "cause-encoding", "active", 0L, "f".repeat(64)));
    }

    @Test
    void latin1ReportRejectedWithOffset() {
        String serial = newSerial();
        byte[] body = report(serial, "Prüfstand 3").getBytes(StandardCharsets.ISO_8859_1);
        // The report with notes "Pr" ends in "Pr"}, so the byte after "Pr" is two bytes before its end.
        int offset = report(serial, "Pr").getBytes(StandardCharsets.ISO_8859_1).length - 2;

        Response response = post(body, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("body");
        assertThat(response.jsonPath().getString("errors[0].message"))
                .isEqualTo("is not valid UTF-8: the byte 0xFC at offset " + offset
                        + " (line 1) is not part of a UTF-8 character");
        assertThat(response.jsonPath().getString("errors[0].fix"))
                .isEqualTo("send the JSON encoded as UTF-8, or name its encoding in Content-Type, such as"
                        + " application/json; charset=windows-1252");
        given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .get("/api/v1/devices/{serial}", serial)
                .then()
                .statusCode(404);
    }

    @Test
    void namedCharsetReportDecoded() {
        String serial = newSerial();
        byte[] body = report(serial, "Prüfstand 3").getBytes(StandardCharsets.ISO_8859_1);

        Response response = post(body, "application/json; charset=ISO-8859-1");

        assertThat(response.statusCode()).isEqualTo(202);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).data().path("notes").asText()).isEqualTo("Prüfstand 3");
    }

    @Test
    void undecodableReportStillExposesKey() throws Exception {
        String serial = newSerial();
        byte[] body = report(serial, "Prüfstand 3: slmgr /ipk " + KEY).getBytes(StandardCharsets.ISO_8859_1);

        Response response = post(body, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        String detail = response.jsonPath().getString("detail");
        assertThat(detail)
                .startsWith("the request has an invalid value in body. The request contained full product keys")
                .contains(MASKED + " at line 1 of the body read as UTF-8 (exposure event ");
        KeyLeaks.assertNotIn(response.asString(), "the problem", KEY);
        assertPublished(exposureEventId(detail), "line 1 of the body read as UTF-8");
        KeyLeaks.assertNowhere(KEY);
    }

    @Test
    void utf16LogWithoutMarkExposesKey() throws Exception {
        String serial = newSerial();
        byte[] body = ("09:10:02 cscript slmgr.vbs /ipk " + KEY + "\r\n").getBytes(StandardCharsets.UTF_16LE);

        Response response = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .body(body)
                .post("/api/v1/devices/{serial}/artifacts/log", serial);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("errors[0].message"))
                .isEqualTo("contains a NUL character on line 1, as UTF-16 text without its byte-order mark does");
        String detail = response.jsonPath().getString("detail");
        assertThat(detail).contains(MASKED + " at line 1 of the body read as UTF-16LE (exposure event ");
        KeyedEvent exposure = assertPublished(exposureEventId(detail), "line 1 of the body read as UTF-16LE");
        assertThat(exposure.data().path("serial").asText()).isEqualTo(serial);
        assertThat(exposure.data().path("report").asText()).isEqualTo("log");
        KeyLeaks.assertNowhere(KEY);
    }

    @Test
    void codePageDashesInLogMaskedAndExposed() throws Exception {
        String serial = newSerial();
        // Windows-1252 en dashes (0x96) sent without a charset: read as UTF-8, each becomes U+FFFD.
        byte[] body = ("09:10:02 key " + KEY.replace('-', '\u2013') + "\r\n").getBytes(Charset.forName("windows-1252"));

        // RestAssured would add "; charset=ISO-8859-1" to text/plain; the station sends no charset.
        Response response = given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .body(body)
                .post("/api/v1/devices/{serial}/artifacts/log", serial);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("exposures")).hasSize(1);
        assertThat(response.jsonPath().getString("exposures[0].maskedKey")).isEqualTo(MASKED);
        assertThat(response.jsonPath().getString("exposures[0].location")).isEqualTo("line 1");
        assertPublished(response.jsonPath().getString("exposures[0].eventId"), "line 1");
        KeyLeaks.assertNowhere(KEY);
    }

    @Test
    void utf8MarkDoesNotExemptLatin1Report() {
        byte[] json = report(newSerial(), "Prüfstand 3").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        Response response = post(body, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("errors[0].message"))
                .startsWith("is not valid UTF-8: the byte 0xFC at offset ");
    }

    private static KeyedEvent assertPublished(String eventId, String location) {
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> published = TopicReader.events(Topics.LINE_EVENTS).stream()
                .filter(event -> event.id().equals(eventId))
                .toList();
        assertThat(published).hasSize(1);
        KeyedEvent exposure = published.get(0);
        assertThat(exposure.type()).isEqualTo("keyline.key.exposed.v1");
        assertThat(exposure.data().path("maskedKey").asText()).isEqualTo(MASKED);
        assertThat(exposure.data().path("location").asText()).isEqualTo(location);
        return exposure;
    }

    private static String exposureEventId(String detail) {
        Matcher matcher = EXPOSURE_EVENT_ID.matcher(detail);
        assertThat(matcher.find()).as("detail names the exposure event").isTrue();
        return matcher.group(1);
    }

    private static String report(String serial, String notes) {
        return MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("keyId", KEY_ID)
                .put("method", "audit-mode-ipk")
                .put("keyCleared", false)
                .put("notes", notes)
                .toString();
    }

    private static Response post(byte[] body, String contentType) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(contentType)
                .body(body)
                .post("/api/v1/reports/device-provisioned");
    }

    private static String newSerial() {
        return "SN-ENC-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
