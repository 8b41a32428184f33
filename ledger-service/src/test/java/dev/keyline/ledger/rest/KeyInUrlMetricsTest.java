package dev.keyline.ledger.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A request rejected before routing must not put its raw path, which may contain a product key, into the metrics. */
@QuarkusTest
class KeyInUrlMetricsTest {

    /** Made up; its last group is what the metrics must not contain in any spelling. */
    private static final String KEY = "WXYBC-DFGHJ-KMPQR-TVWXY-2M3T9";

    @Test
    void keyInUrlNotInMetrics() {
        given().get("/nothing/" + KEY).then().statusCode(400);
        String dotted = KEY.toLowerCase(Locale.ROOT).replace('-', '.');
        given().get("/api/v1/devices/" + dotted + "/x/y").then().statusCode(400);

        String metrics = given().get("/q/metrics").asString();

        // A boolean, so that a failure does not print the key into the test report.
        assertThat(metrics.toUpperCase(Locale.ROOT).contains("2M3T9"))
                .as("the key's last group in /q/metrics")
                .isFalse();
        String rejected = "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"400\","
                + "uri=\"" + "/rejected-before-routing" + "\"} ";
        double count = metrics.lines()
                .filter(line -> line.startsWith(rejected))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(rejected.length()).strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series for " + rejected + "in /q/metrics"));
        // Other tests of the same application may be rejected before routing too, so this is a lower bound.
        assertThat(count).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void unmatchedRequestsNotTaggedWithPath() {
        int deleted = given().delete("/api/v1/devices/m405-serial").statusCode();
        int doubled = given().get("//api//v1/keys/m2-key").statusCode();
        int unknown = given().get("/api/v1/m404-nothing").statusCode();

        String metrics = given().get("/q/metrics").asString();

        assertThat(List.of(deleted, doubled, unknown)).containsExactly(405, 404, 404);
        assertThat(metrics).doesNotContain("m405-serial", "m2-key", "m404-nothing");
    }

    @Test
    void keyAsMethodNotInMetrics() {
        given().request(KEY, "/api/v1/keys");

        String metrics = given().get("/q/metrics").asString();

        // A boolean, so that a failure does not print the key into the test report.
        assertThat(metrics.toUpperCase(Locale.ROOT).contains("2M3T9"))
                .as("the key's last group in /q/metrics")
                .isFalse();
        assertThat(metrics).contains("method=\"OTHER\"");
    }

    @Test
    void serverRejectionsNotTaggedWithPath() throws Exception {
        String badEscape = rawStatusLine("GET /api/v1/devices/" + KEY + "%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String hugeHeaders = rawStatusLine("GET /api/v1/devices/" + KEY + " HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(25_000) + "\r\n\r\n");
        // A brace, as route templates have, must not let a raw path through.
        String braced = rawStatusLine("GET /{" + KEY + "%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n");

        String metrics = given().get("/q/metrics").asString();

        assertThat(badEscape).startsWith("HTTP/1.1 400");
        assertThat(hugeHeaders).startsWith("HTTP/1.1 431");
        assertThat(braced).startsWith("HTTP/1.1 400");
        // A boolean, so that a failure does not print the key into the test report.
        assertThat(metrics.toUpperCase(Locale.ROOT).contains("2M3T9"))
                .as("the key's last group in /q/metrics")
                .isFalse();
        assertThat(metrics).contains("status=\"400\",uri=\"/unlisted-path\"");
        assertThat(metrics).contains("status=\"431\",uri=\"/unlisted-path\"");
    }

    /**
     * Sends a request as raw bytes, since HTTP clients refuse to send a malformed escape, and returns its status line.
     */
    private static String rawStatusLine(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return reader.readLine();
        }
    }
}
