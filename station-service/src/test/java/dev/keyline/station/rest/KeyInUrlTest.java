package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.station.support.StationCalls;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** A made-up product key sent in the URL instead of a serial is rejected before anything reads or stores it. */
@QuarkusTest
class KeyInUrlTest {

    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String MASKED = "*****-*****-*****-*****-7QX4M";

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
}
