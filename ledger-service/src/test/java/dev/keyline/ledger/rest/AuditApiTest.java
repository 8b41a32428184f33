package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void journalVerifiesAndExportsHashes() {
        LedgerApi.registerKey("AUD-1", "AUDTS-AAAAA-BBBBB-CCCCC-A0D01", 20);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "AUD-1",
                json(provisioned("A1-1", "AUD-1", "A0D01")),
                json(activation("A1-1", "AUD-1", "A0D01", "success")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("AUD-1").getLong("consumed") == 1);

        JsonPath page = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/AUD-1/journal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getList("items.entryType")).containsExactly("REGISTERED", "COMMITTED", "CONSUMED");
        assertThat(page.getString("items[1].prevHash")).isEqualTo(page.getString("items[0].hash"));

        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/keys/AUD-1/journal")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",prev_hash,hash");
        assertThat(csv).contains(page.getString("items[2].hash"));

        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/AUD-1/journal/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entries", equalTo(3))
                .body("chainHead", equalTo(page.getString("items[2].hash")));
    }

    @Test
    void editedJournalFailsVerification() throws Exception {
        LedgerApi.registerKey("AUD-2", "AUDTS-DDDDD-EEEEE-FFFFF-A0D02", 20);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "AUD-2", json(provisioned("A2-1", "AUD-2", "A0D02")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("AUD-2").getLong("committed") == 1);

        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE journal SET committed_delta = 0 WHERE key_id = 'AUD-2' AND entry_type = 'COMMITTED'");
        }

        JsonPath result = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/AUD-2/journal/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getString("problem")).isEqualTo("hash does not match the entry's fields");
    }

    @Test
    void editedKeyCountFailsVerification() throws Exception {
        LedgerApi.registerKey("AUD-6", "AUDTS-KKKKK-LLLLL-MMMMM-A0D06", 20);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "AUD-6", json(provisioned("A6-1", "AUD-6", "A0D06")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("AUD-6").getLong("committed") == 1);

        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE product_keys SET committed = 0 WHERE key_id = 'AUD-6'");
        }

        JsonPath result = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/AUD-6/journal/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getString("problem"))
                .isEqualTo("the key's stored counts do not match the sums of its journal:"
                        + " committed 1 in the journal, 0 stored");
        assertThat(result.getLong("journalTotals.committed")).isEqualTo(1);
        assertThat(result.getLong("journalTotals.allotment")).isEqualTo(20);
    }

    @Test
    void balanceAsOfIgnoresLaterTopUp() {
        LedgerApi.registerKey("AUD-3", "AUDTS-GGGGG-HHHHH-JJJJJ-A0D03", 20);
        Instant beforeTopUp = Instant.now();

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 30, \"reference\": \"order 4711\"}")
                .post("/api/v1/keys/AUD-3/top-ups")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(50))
                .body("available", equalTo(50));

        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", beforeTopUp.toString())
                .get("/api/v1/keys/AUD-3/balance")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(20))
                .body("journalEntries", equalTo(1));
        String chainHead = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", beforeTopUp.toString())
                .get("/api/v1/keys/AUD-3/balance")
                .jsonPath()
                .getString("chainHead");
        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .queryParam("at", beforeTopUp.toString())
                .get("/api/v1/keys/AUD-3/balance")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv)
                .isEqualTo("key_id,at,allotment,committed,consumed,available,unattributed,journal_entries,chain_head\n"
                        + "AUD-3," + beforeTopUp.truncatedTo(ChronoUnit.MICROS) + ",20,0,0,20,0,1," + chainHead
                        + "\n");
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/AUD-3/balance")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(50))
                .body("journalEntries", equalTo(2));
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", "yesterday")
                .get("/api/v1/keys/AUD-3/balance")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("at"));
    }

    @Test
    void exhaustedResultMarksKeyAndHistoryRecordsIt() {
        LedgerApi.registerKey("AUD-4", "AUDTS-KKKKK-LLLLL-MMMMM-A0D04", 20);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "AUD-4",
                json(provisioned("A4-1", "AUD-4", "A0D04")),
                json(activation("A4-1", "AUD-4", "A0D04", "0xC004C020")));

        await().atMost(TIMEOUT)
                .until(() -> "exhausted".equals(LedgerApi.key("AUD-4").getString("state")));
        assertThat(LedgerApi.key("AUD-4").getString("stateReason"))
                .isEqualTo("activation of A4-1 failed with 0xC004C020");
        JsonPath history = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/devices/A4-1/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("events.detail"))
                .containsExactly("provisioned by audit-mode-ipk (committed)", "activation by internet: 0xC004C020");
        assertThat(history.getString("device.status")).isEqualTo("provisioned");
    }

    @Test
    void deviceFilterWithoutValueRejected() {
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/devices?keyId=")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keyline.dev/problems/empty-parameter"))
                .body("errors[0].field", equalTo("keyId"))
                .body("errors[0].message", equalTo("is empty"))
                .body(
                        "errors[0].fix",
                        equalTo("leave it out to use its default, such as every entry for a filter, or give a value"));
        given().urlEncodingEnabled(false)
                .auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/devices?lineId=%20")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("lineId"));
    }

    @Test
    void retireIsJournaledOnce() {
        LedgerApi.registerKey("AUD-5", "AUDTS-NNNNN-PPPPP-QQQQQ-A0D05", 20);

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keys/AUD-5/retire")
                .then()
                .statusCode(200)
                .body("state", equalTo("retired"));
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keys/AUD-5/retire")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .post("/api/v1/keys/AUD-5/retire")
                .then()
                .statusCode(403);
        assertThat(LedgerApi.key("AUD-5").getString("stateReason")).isEqualTo("retired by an operator");
    }

    @Test
    void retireKeepsMaskedReason() {
        LedgerApi.registerKey("AUD-R1", "AUDTS-RRRRR-TTTTT-VVVVV-A0DR1", 20);

        retire("AUD-R1", "{\"reason\": \"" + "x".repeat(201) + "\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body(
                        "errors[0].message",
                        equalTo("must be 1 to 200 letters, digits, punctuation marks, symbols or plain spaces,"
                                + " without a space at either end"));
        for (String invisible : List.of("a\\u0085b", "a\\u202eb", "a\\u200bb", "a\\u2028b", "   ")) {
            retire("AUD-R1", "{\"reason\": \"" + invisible + "\"}")
                    .statusCode(400)
                    .body("errors[0].field", equalTo("reason"));
        }
        retire("AUD-R1", "{\"reason\": \"leaked as caseBCDFGHJKMNPQRTVWXY2346789\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        retire("AUD-R1", "{\"reason\": \"leaked as tstaa-bbbbb-ccccc-ddddd-7qx4m in a log\"}")
                .statusCode(200)
                .body("state", equalTo("retired"))
                .body(
                        "stateReason",
                        equalTo("retired by an operator: leaked as *****-*****-*****-*****-7QX4M in a log"));

        assertThat(LedgerApi.key("AUD-R1").getString("stateReason"))
                .isEqualTo("retired by an operator: leaked as *****-*****-*****-*****-7QX4M in a log");
    }

    @Test
    void retireReasonCountsCharacters() {
        LedgerApi.registerKey("AUD-R2", "AUDTS-WWWWW-XXXXX-YYYYY-A0DR2", 20);

        // 200 emoji are 400 UTF-16 units but 200 characters.
        retire("AUD-R2", "{\"reason\": \"" + "\\ud83d\\ude00".repeat(200) + "\"}")
                .statusCode(200);
    }

    private static ValidatableResponse retire(String keyId, String body) {
        return given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/keys/{keyId}/retire", keyId)
                .then();
    }
}
