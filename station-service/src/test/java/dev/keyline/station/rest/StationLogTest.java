package dev.keyline.station.rest;

import static dev.keyline.station.support.StationCalls.newSerial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.Topics;
import dev.keyline.station.support.Artifacts;
import dev.keyline.station.support.KeyLeaks;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StationLogTest {

    private static final String KEY = "TSTLG-HHHHH-JJJJJ-KKKKK-5MN6P";

    @Test
    void ipkKeyRedactedAndExposed() throws Exception {
        String serial = newSerial("SN-LOG");
        String excerpt = "08:30:01 imaging started\r\n08:30:05 applying image\r\n"
                + "08:31:10 cscript //nologo slmgr.vbs /ipk " + KEY + "\r\n08:31:12 done\r\n";

        Response response = Artifacts.post(serial, "log", "text/plain", excerpt);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonPath result = response.jsonPath();
        assertThat(result.getInt("lines")).isEqualTo(4);
        assertThat(result.getList("exposures")).hasSize(1);
        assertThat(result.getString("exposures[0].location")).isEqualTo("line 3");
        assertThat(result.getString("exposures[0].maskedKey")).isEqualTo("*****-*****-*****-*****-5MN6P");
        KeyLeaks.assertNotIn(response.asString(), "the response", KEY);

        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND kind = 'log' AND content LIKE '%slmgr.vbs /ipk *****-*****-*****-*****-5MN6P%'"))
                .as("the stored excerpt has the key masked")
                .isEqualTo(1);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM outbox WHERE payload LIKE '%" + serial + "%'"))
                .isEqualTo(1);

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).hasSize(1);
        KeyedEvent exposure = events.get(0);
        assertThat(exposure.id()).isEqualTo(result.getString("exposures[0].eventId"));
        assertThat(exposure.type()).isEqualTo("keyline.key.exposed.v1");
        assertThat(exposure.data().path("stationId").asText()).isEqualTo("imaging-01");
        assertThat(exposure.data().path("lineId").asText()).isEqualTo("line-1");
        assertThat(exposure.data().path("location").asText()).isEqualTo("line 3");
        assertThat(exposure.data().path("report").asText()).isEqualTo("log");
        assertThat(exposure.json().path("source").asText()).isEqualTo("/lines/line-1/stations/imaging-01");
        KeyLeaks.assertNowhere(KEY);
    }

    @Test
    void thousandsOfKeysAllExposed() throws Exception {
        String serial = newSerial("SN-LOG");
        String excerpt = ("slmgr.vbs /ipk " + KEY + "\n").repeat(2_000);

        Response response = Artifacts.post(serial, "log", "text/plain", excerpt);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("exposures")).hasSize(2_000);
        assertThat(response.jsonPath().getString("exposures[1999].location")).isEqualTo("line 2000");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM outbox WHERE payload LIKE '%" + serial + "%'"))
                .isEqualTo(2_000);
        KeyLeaks.assertNotIn(response.asString(), "the response", KEY);
        String lastId = response.jsonPath().getString("exposures[1999].eventId");
        List<String> log = Files.readAllLines(Path.of("target/station-service-test.log"));
        assertThat(log.stream().filter(line -> line.contains("full product key") && line.contains(serial)))
                .as("a line each for the first 20 keys")
                .hasSize(20);
        String summary = "1980 more full product keys found in the same request; exposure events "
                + response.jsonPath().getString("exposures[20].eventId") + " to " + lastId;
        assertThat(log).as("one summary line for the keys after the first 20").anyMatch(line -> line.endsWith(summary));
    }

    @Test
    void keyWithoutDashesRedactedAndExposed() throws Exception {
        String serial = newSerial("SN-LOG");
        String dashless = "TSTLGLLLLLMMMMMNNNNN8RS2T";
        String excerpt = "09:10:00 setup.exe /pkey " + dashless + " /quiet\n09:12:00 done\n";

        Response response = Artifacts.post(serial, "log", "text/plain", excerpt);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("exposures")).hasSize(1);
        assertThat(response.jsonPath().getString("exposures[0].location")).isEqualTo("line 1");
        assertThat(response.jsonPath().getString("exposures[0].maskedKey")).isEqualTo("*****-*****-*****-*****-8RS2T");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content LIKE '%/pkey *****-*****-*****-*****-8RS2T /quiet%'"))
                .isEqualTo(1);

        TestDatabase.awaitOutboxDrained();
        List<KeyedEvent> events = TopicReader.eventsFor(Topics.LINE_EVENTS, serial);
        assertThat(events).extracting(KeyedEvent::type).containsExactly("keyline.key.exposed.v1");
        assertThat(events.get(0).data().path("partialKey").asText()).isEqualTo("8RS2T");
        KeyLeaks.assertNowhere(dashless, "TSTLG-LLLLL-MMMMM-NNNNN-8RS2T");
    }

    @Test
    void disguisedKeysRedactedAndExposed() throws Exception {
        String serial = newSerial("SN-LOG");
        String excerpt = "10:00:00 /ipk KTPRG-HHHHH-\r\n    JJJJJ-KKKKK-9WX3Y\r\n"
                + "10:00:01 pasted KTPRG\u00AD-HHHHH-JJJJJ\u200B-KKKKK-9WX3Y\r\n"
                + "10:00:02 cache KTPRG_HHHHH_JJJJJ_KKKKK_9WX3Y.bin\r\n";

        Response response = Artifacts.post(serial, "log", "text/plain; charset=UTF-8", excerpt);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("exposures.location")).containsExactly("line 1", "line 3", "line 4");
        assertThat(response.jsonPath().getList("exposures.maskedKey")).containsOnly("*****-*****-*****-*****-9WX3Y");
        String masked = "10:00:00 /ipk *****-*****-*****-*****-9WX3Y\r\n"
                + "10:00:01 pasted *****-*****-*****-*****-9WX3Y\r\n"
                + "10:00:02 cache *****-*****-*****-*****-9WX3Y.bin\r\n";
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial
                        + "' AND content = '" + masked + "'"))
                .as("the stored excerpt has every key masked")
                .isEqualTo(1);
        assertThat(TestDatabase.queryLong(
                        "SELECT count(*) FROM artifacts WHERE serial = '" + serial + "' AND content LIKE '%HHHHH%'"))
                .isZero();
    }

    @Test
    void utf16LogWithByteOrderMarkRead() throws Exception {
        String serial = newSerial("SN-LOG");
        String excerpt = "09:10:00 cscript slmgr.vbs /ipk TSTLG-PPPPP-QQQQQ-RRRRR-4VW8X\r\n09:10:05 done\r\n";
        byte[] text = excerpt.getBytes(StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);

        Response response = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .body(body)
                .post("/api/v1/devices/{serial}/artifacts/log", serial);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getInt("lines")).isEqualTo(2);
        assertThat(response.jsonPath().getString("exposures[0].maskedKey")).isEqualTo("*****-*****-*****-*****-4VW8X");
        KeyLeaks.assertNowhere("TSTLG-PPPPP-QQQQQ-RRRRR-4VW8X");
    }

    @Test
    void utf16LogWithoutByteOrderMarkRejected() {
        byte[] body = "09:10:00 imaging started\r\n".getBytes(StandardCharsets.UTF_16LE);

        JsonPath problem = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .body(body)
                .post("/api/v1/devices/{serial}/artifacts/log", newSerial("SN-LOG"))
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
        assertThat(problem.getString("errors[0].message"))
                .isEqualTo("contains a NUL character on line 1, as UTF-16 text without its byte-order mark does");
    }

    @Test
    void emptyExcerptRejected() {
        JsonPath problem = Artifacts.post(newSerial("SN-LOG"), "log", "text/plain", "  ")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
    }
}
