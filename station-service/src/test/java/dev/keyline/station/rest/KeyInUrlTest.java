package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.Topics;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.station.support.KeyLeaks;
import dev.keyline.station.support.StationCalls;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A made-up product key sent in the URL instead of a serial, or as the {@code Idempotency-Key}, is rejected before
 * anything reads or stores it. When a station sent it, the key is recorded as exposed.
 */
@QuarkusTest
class KeyInUrlTest {

    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String MASKED = "*****-*****-*****-*****-7QX4M";
    private static final String FINGERPRINT_SECRET = "keyline-development-fingerprint-secret";
    private static final Pattern EXPOSURE_EVENT_ID = Pattern.compile("\\(exposure event ([0-9a-f-]{36})\\)");

    @Test
    void keyAsSerialRejected() throws Exception {
        Response step = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body("{\"step\":\"image-applied\",\"lineId\":\"line-1\",\"stationId\":\"imaging-01\"}")
                .post("/api/v1/devices/" + KEY + "/steps");

        assertThat(step.statusCode()).isEqualTo(400);
        assertThat(step.contentType()).startsWith("application/problem+json");
        assertThat(step.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-in-url");
        assertThat(step.jsonPath().getString("errors[0].field")).isEqualTo("path");
        assertThat(step.jsonPath().getString("errors[0].message"))
                .isEqualTo("contains a product key: /api/v1/devices/" + MASKED + "/steps");
        assertThat(step.asString()).doesNotContain(KEY);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM devices WHERE serial LIKE 'TSTAA%'"))
                .isZero();

        String detail = step.jsonPath().getString("detail");
        assertThat(detail).contains(MASKED + " at URL path (exposure event ");
        KeyedEvent exposure = exposureEvent(detail);
        assertThat(exposure.type()).isEqualTo("keyline.key.exposed.v1");
        assertThat(exposure.json().path("subject").asText()).isEqualTo("unknown-device");
        assertThat(exposure.json().path("source").asText()).isEqualTo("/lines/line-1/stations/imaging-01");
        assertThat(exposure.data().has("serial")).as("exposure names a serial").isFalse();
        assertThat(exposure.data().path("lineId").asText()).isEqualTo("line-1");
        assertThat(exposure.data().path("stationId").asText()).isEqualTo("imaging-01");
        assertThat(exposure.data().path("report").asText()).isEqualTo("request");
        assertThat(exposure.data().path("location").asText()).isEqualTo("URL path");
        assertThat(exposure.data().path("maskedKey").asText()).isEqualTo(MASKED);
        assertThat(exposure.data().path("partialKey").asText()).isEqualTo("7QX4M");
        assertThat(exposure.data().path("fingerprint").asText())
                .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));
        KeyLeaks.assertNowhere(KEY);
    }

    @Test
    void otherSpellingsAsSerialRejected() throws Exception {
        String lowerUndashed = KEY.replace("-", "").toLowerCase(Locale.ROOT);
        for (String spelling :
                List.of(KEY.replace('-', '.'), lowerUndashed, fullWidth(KEY), fullWidth(lowerUndashed))) {
            Response step = given().auth()
                    .oauth2(Tokens.IMAGING_STATION)
                    .contentType(ContentType.JSON)
                    .body("{\"step\":\"image-applied\",\"lineId\":\"line-1\",\"stationId\":\"imaging-01\"}")
                    .post("/api/v1/devices/" + spelling + "/steps");

            assertThat(step.statusCode()).isEqualTo(400);
            assertThat(step.jsonPath().getString("errors[0].message"))
                    .isEqualTo("contains a product key: /api/v1/devices/" + MASKED + "/steps");
            assertThat(step.asString()).doesNotContainIgnoringCase("TSTAA").doesNotContain(spelling);
            KeyedEvent exposure = exposureEvent(step.jsonPath().getString("detail"));
            assertThat(exposure.data().path("location").asText()).isEqualTo("URL path");
            assertThat(exposure.data().path("fingerprint").asText())
                    .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));
        }
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM devices WHERE lower(serial) LIKE 'tstaa%'"))
                .isZero();
    }

    @Test
    void slashEscapedAndPrefixedKeysExposed() throws Exception {
        Response escaped = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .urlEncodingEnabled(false)
                .get("/api/v1/devices/" + KEY.replace("-", "%2F"));
        Response prefixed = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .get("/api/v1/devices/sn-" + KEY.replace("-", "").toLowerCase(Locale.ROOT));

        for (Response response : List.of(escaped, prefixed)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-in-url");
            assertThat(response.asString()).doesNotContainIgnoringCase("TSTAA");
            KeyedEvent exposure = exposureEvent(response.jsonPath().getString("detail"));
            assertThat(exposure.data().path("fingerprint").asText())
                    .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));
        }
        assertThat(escaped.jsonPath().getString("errors[0].message"))
                .isEqualTo("contains a product key: /api/v1/devices/" + MASKED);
    }

    @Test
    void unevenGroupsInHeaderExposed() throws Exception {
        Response uneven = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "TSTAABBBBB.CCCCCDDDDD.7QX4M")
                .body(StationCalls.provisioned(StationCalls.newSerial("SN-URL"), "KEY-A", "7QX4M", false)
                        .toString())
                .post("/api/v1/reports/device-provisioned");

        assertThat(uneven.statusCode()).isEqualTo(400);
        KeyedEvent exposure = exposureEvent(uneven.jsonPath().getString("detail"));
        assertThat(exposure.data().path("location").asText()).isEqualTo("Idempotency-Key header");
        assertThat(exposure.data().path("fingerprint").asText())
                .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));
    }

    @Test
    void keyInQueryFromStationExposed() throws Exception {
        Response query = given().auth()
                .oauth2(Tokens.ACTIVATION_STATION)
                .queryParam("heldAt", KEY.toLowerCase(Locale.ROOT))
                .get("/api/v1/devices");

        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.jsonPath().getString("errors[0].field")).isEqualTo("query");
        KeyedEvent exposure = exposureEvent(query.jsonPath().getString("detail"));
        assertThat(exposure.data().path("stationId").asText()).isEqualTo("activation-01");
        assertThat(exposure.data().path("location").asText()).isEqualTo("URL query");
        assertThat(exposure.data().path("fingerprint").asText())
                .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));
    }

    @Test
    void idempotencyKeyFromStationExposed() throws Exception {
        String serial = StationCalls.newSerial("SN-URL");
        String body = StationCalls.provisioned(serial, "KEY-A", "7QX4M", false).toString();

        Response dotted = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", KEY.replace('-', '.'))
                .body(body)
                .post("/api/v1/reports/device-provisioned");

        assertThat(dotted.statusCode()).isEqualTo(400);
        assertThat(dotted.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/invalid-request");
        assertThat(dotted.jsonPath().getString("errors[0].field")).isEqualTo("Idempotency-Key");
        assertThat(dotted.jsonPath().getString("errors[0].message")).isEqualTo("must not contain a product key");
        assertThat(dotted.asString()).doesNotContain("TSTAA");
        KeyedEvent exposure = exposureEvent(dotted.jsonPath().getString("detail"));
        assertThat(exposure.data().path("location").asText()).isEqualTo("Idempotency-Key header");
        assertThat(exposure.data().path("fingerprint").asText())
                .isEqualTo(new KeyFingerprinter(FINGERPRINT_SECRET).fingerprint(KEY));
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE serial = '" + serial + "'"))
                .isZero();
        KeyLeaks.assertNowhere(KEY);
    }

    @Test
    void escapedKeyAndQueryRejected() {
        Response escaped = given().auth()
                .oauth2(Tokens.OPERATOR)
                .urlEncodingEnabled(false)
                .get("/api/v1/devices/TSTAA%2DBBBBB%2DCCCCC%2DDDDDD%2D7QX4M");
        Response query =
                given().auth().oauth2(Tokens.OPERATOR).queryParam("heldAt", KEY).get("/api/v1/devices");

        assertThat(escaped.statusCode()).isEqualTo(400);
        assertThat(escaped.asString()).doesNotContain("TSTAA").contains(MASKED);
        assertThat(escaped.jsonPath().getString("detail"))
                .as("an operator's request is not attributed to a station")
                .doesNotContain("exposure event");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.jsonPath().getString("errors[0].field")).isEqualTo("query");
        assertThat(query.jsonPath().getString("errors[0].message"))
                .isEqualTo("contains a product key: heldAt=" + MASKED);
    }

    @Test
    void serialWithoutKeyPasses() {
        String serial = StationCalls.newSerial("SN-URL");

        Response provisioned = StationCalls.postProvisioned(StationCalls.provisioned(serial, "KEY-A", "7QX4M", false));

        assertThat(provisioned.statusCode()).isEqualTo(202);
    }

    /** Returns the exposure event named in a problem's detail, once the outbox relay has published it. */
    private static KeyedEvent exposureEvent(String detail) {
        Matcher matcher = EXPOSURE_EVENT_ID.matcher(detail);
        assertThat(matcher.find())
                .as("the detail names an exposure event: " + detail)
                .isTrue();
        String id = matcher.group(1);
        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.events(Topics.LINE_EVENTS).stream()
                .filter(event -> event.id().equals(id))
                .toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** Returns {@code ascii} in full-width forms ({@code U+FF01} to {@code U+FF5E}), as some input methods type it. */
    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        return wide.toString();
    }
}
