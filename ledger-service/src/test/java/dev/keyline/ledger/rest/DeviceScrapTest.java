package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeviceScrapTest {

    private static final String STATION = "station-line-1-imaging-01-test-token";

    @Test
    void scrappingReleasesCommitmentAndLaterSuccessIsUnattributed() {
        LedgerApi.registerKey("SCRP-1", "SCRAP-AAAAA-BBBBB-CCCCC-SCRP1", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "SCRP-1", json(provisioned("S1-1", "SCRP-1", "SCRP1")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-1").getLong("committed") == 1);

        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"dropped at QA\"}")
                .post("/api/v1/devices/S1-1/scrap")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"dropped at QA\"}")
                .post("/api/v1/devices/S1-1/scrap")
                .then()
                .statusCode(200)
                .body("status", equalTo("scrapped"));
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"again\"}")
                .post("/api/v1/devices/S1-1/scrap")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://keyline.dev/problems/device-scrapped"))
                .body("title", equalTo("Device already scrapped"));

        JsonPath key = LedgerApi.key("SCRP-1");
        assertThat(key.getLong("committed")).isZero();
        assertThat(key.getLong("available")).isEqualTo(10);

        KafkaTestClient.produce(Topics.LINE_EVENTS, "SCRP-1", json(activation("S1-1", "SCRP-1", "SCRP1", "success")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-1").getLong("unattributed") == 1);
        assertThat(LedgerApi.key("SCRP-1").getLong("consumed")).isEqualTo(1);

        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/devices/S1-1/history")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().toList()).hasSize(4);
        String record = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/devices/S1-1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(record.lines().toList())
                .hasSize(2)
                .first()
                .isEqualTo("serial,key_id,partial_key,line_id,station_id,method,status,activation_attempts,"
                        + "successful_activations,last_result,provisioned_at,activated_at,reactivations,"
                        + "uwf_enabled_at_last_activation");
        assertThat(record.lines().toList().get(1)).startsWith("S1-1,SCRP-1,SCRP1,line-1,");
        assertThat(csv).contains("scrapped by an operator: dropped at QA");
        given().auth()
                .oauth2(STATION)
                .get("/api/v1/devices/S1-1/history")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/SCRP-1/journal/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void keylessSuccessOfScrappedDeviceConsumesItsKey() {
        LedgerApi.registerKey("SCRP-3", "SCRAP-GGGGG-HHHHH-JJJJJ-SCRP3", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "SCRP-3", json(provisioned("S3-1", "SCRP-3", "SCRP3")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-3").getLong("committed") == 1);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"dropped at QA\"}")
                .post("/api/v1/devices/S3-1/scrap")
                .then()
                .statusCode(200);

        KafkaTestClient.produce(Topics.LINE_EVENTS, "SCRP-3", json(activation("S3-1", null, null, "success")));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-3").getLong("unattributed") == 1);
        JsonPath key = LedgerApi.key("SCRP-3");
        assertThat(key.getLong("consumed")).isEqualTo(1);
        assertThat(key.getLong("committed")).isZero();
        assertThat(key.getLong("available")).isEqualTo(9);
    }

    @Test
    void keyInScrapReasonMasked() {
        LedgerApi.registerKey("SCRP-2", "SCRAP-DDDDD-EEEEE-FFFFF-SCRP2", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "SCRP-2", json(provisioned("S2-1", "SCRP-2", "SCRP2")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-2").getLong("committed") == 1);

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"label showed TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}")
                .post("/api/v1/devices/S2-1/scrap")
                .then()
                .statusCode(200);

        String history = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/devices/S2-1/history")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(history)
                .contains("scrapped by an operator: label showed *****-*****-*****-*****-7QX4M")
                .doesNotContain("TSTAA-BBBBB");
    }

    @Test
    void spacedAndLowerCaseKeysInReasonMasked() {
        LedgerApi.registerKey("SCRP-4", "SCRAP-KKKKK-MMMMM-NNNNN-SCRP4", 10);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "SCRP-4",
                json(provisioned("S4-1", "SCRP-4", "SCRP4")),
                json(provisioned("S4-2", "SCRP-4", "SCRP4")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-4").getLong("committed") == 2);

        scrap("S4-1", "label read BCDFG HJKMN PQRTV WXY23 46789");
        scrap("S4-2", "label read bcdfghjkmnpqrtvwxy2346789");

        String history = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/devices/S4-1/history")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(history).contains("label read *****-*****-*****-*****-46789").doesNotContain("BCDFG HJKMN");
        String other = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/devices/S4-2/history")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(other).contains("label read *****-*****-*****-*****-46789").doesNotContain("bcdfghjkmn");
    }

    @Test
    void gluedKeyInReasonRejected() {
        LedgerApi.registerKey("SCRP-5", "SCRAP-PPPPP-QQQQQ-RRRRR-SCRP5", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "SCRP-5", json(provisioned("S5-1", "SCRP-5", "SCRP5")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("SCRP-5").getLong("committed") == 1);

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"label readBCDFGHJKMNPQRTVWXY2346789\"}")
                .post("/api/v1/devices/S5-1/scrap")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/plain")
                .body("dropped at QA")
                .post("/api/v1/devices/S5-1/scrap")
                .then()
                .statusCode(415);

        assertThat(LedgerApi.key("SCRP-5").getLong("committed")).isEqualTo(1);
    }

    private static void scrap(String serial, String reason) {
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"" + reason + "\"}")
                .post("/api/v1/devices/" + serial + "/scrap")
                .then()
                .statusCode(200);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
