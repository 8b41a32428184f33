package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.schemas.Topics;
import dev.keyline.station.support.Fixtures;
import dev.keyline.station.support.StationCalls;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import dev.keyline.station.support.TopicReader.KeyedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Log excerpts and answer files sent again with the same {@code Idempotency-Key}: their exposures count once. */
@QuarkusTest
class IdempotentArtifactTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "TSTID-PPPPP-QQQQQ-RRRRR-6VW2X";

    @Test
    void resentLogExcerptExposesKeyOnce() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM-LOG");
        String excerpt = "10:00:01 cscript //nologo slmgr.vbs /ipk " + KEY + "\n";
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/devices/" + serial + "/artifacts/log";

        Response first = post(path, "text/plain", key, excerpt);
        Response again = post(path, "text/plain", key, excerpt);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.header(IdempotentResponses.REPLAYED_HEADER)).isNull();
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header(IdempotentResponses.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(MAPPER.readTree(again.asString())).isEqualTo(MAPPER.readTree(first.asString()));
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM idempotent_requests WHERE idempotency_key = '" + key
                        + "' AND event_id = '" + first.jsonPath().getString("exposures[0].eventId") + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM artifacts WHERE serial = '" + serial + "'"))
                .isEqualTo(1);
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(KeyedEvent::type)
                .containsExactly("keyline.key.exposed.v1");
    }

    @Test
    void resentAnswerFileExposesKeysOnce() throws Exception {
        String serial = StationCalls.newSerial("SN-IDEM-UNATTEND");
        String xml = Fixtures.artifact("unattend-three-keys.xml");
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/devices/" + serial + "/artifacts/answer-file";

        Response first = post(path, "application/xml", key, xml);
        Response again = post(path, "application/xml", key, xml);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.jsonPath().getList("findings")).hasSize(3);
        assertThat(again.header(IdempotentResponses.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(MAPPER.readTree(again.asString())).isEqualTo(MAPPER.readTree(first.asString()));
        TestDatabase.awaitOutboxDrained();
        assertThat(TopicReader.eventsFor(Topics.LINE_EVENTS, serial))
                .extracting(KeyedEvent::type)
                .containsExactly("keyline.key.exposed.v1", "keyline.key.exposed.v1", "keyline.key.exposed.v1");
    }

    @Test
    void otherPathIsOtherRequest() {
        String key = UUID.randomUUID().toString();
        String xml = Fixtures.artifact("unattend-three-keys.xml");

        Response first = postCheck("C:\\Windows\\Panther\\unattend.xml", key, xml);
        Response other = postCheck("C:\\Windows\\System32\\Sysprep\\unattend.xml", key, xml);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/idempotency-key-reused");
    }

    private static Response postCheck(String filePath, String idempotencyKey, String xml) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("application/xml")
                .queryParam("path", filePath)
                .header("Idempotency-Key", idempotencyKey)
                .body(xml)
                .post("/api/v1/answer-file-checks");
    }

    private static Response post(String path, String contentType, String idempotencyKey, String body) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(contentType)
                .header("Idempotency-Key", idempotencyKey)
                .body(body)
                .post(path);
    }
}
