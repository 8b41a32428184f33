package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.ledger.LogCapture;
import dev.keyline.ledger.service.KeyAdministrationService;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Unblocking: only a blocked key, with a reference the journal keeps, once per reference. */
@QuarkusTest
class UnblockTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void unblockJournalsReference() {
        LedgerApi.registerKey("UNB-1", "UNBLK-AAAAA-BBBBB-CCCCC-UNBK1", 10);
        block("UNB-1", "UNBK1", "UB1-1", 1);

        try (LogCapture log = LogCapture.of(KeyAdministrationService.class.getName())) {
            unblock("UNB-1", "{\"reference\": \"MS-CASE 1207\"}")
                    .statusCode(200)
                    .body("state", equalTo("active"))
                    .body("stateReason", nullValue())
                    .body("available", equalTo(10));

            assertThat(log.containing("unblocked key UNB-1"))
                    .containsExactly(
                            "unblocked key UNB-1 to state active (change unblock:MS-CASE 1207, operator operator)");
        }

        JsonPath journal = journal("UNB-1");
        assertThat(journal.getList("items.entryType")).containsExactly("REGISTERED", "BLOCKED", "UNBLOCKED");
        assertThat(journal.getString("items[2].eventId")).isEqualTo("unblock:MS-CASE 1207");
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/UNB-1/journal/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));

        List<ConsumerRecord<String, String>> published =
                KafkaTestClient.readUntil(Topics.LEDGER_EVENTS, records -> records.stream()
                        .anyMatch(record -> record.value().contains("unblock:MS-CASE 1207")));
        assertThat(published)
                .filteredOn(record -> record.value().contains("\"causeEventId\":\"unblock:MS-CASE 1207\""))
                .hasSize(1)
                .allSatisfy(record -> {
                    assertThat(record.key()).isEqualTo("UNB-1");
                    assertThat(record.value()).contains("\"state\":\"active\"");
                });
    }

    @Test
    void sameReferenceUnblocksOnce() {
        LedgerApi.registerKey("UNB-2", "UNBLK-DDDDD-EEEEE-FFFFF-UNBK2", 10);
        block("UNB-2", "UNBK2", "UB2-1", 1);
        unblock("UNB-2", "{\"reference\": \"MS-1\"}").statusCode(200);
        unblock("UNB-2", "{\"reference\": \"MS-1\"}")
                .statusCode(409)
                .body("type", equalTo("https://keyline.dev/problems/unblock-already-booked"))
                .body("detail", containsString("and it is active now; nothing changed"));
        block("UNB-2", "UNBK2", "UB2-2", 2);

        unblock("UNB-2", "{\"reference\": \"MS-1\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keyline.dev/problems/unblock-already-booked"));
        assertThat(LedgerApi.key("UNB-2").getString("state")).isEqualTo("blocked");

        unblock("UNB-2", "{\"reference\": \"MS-2\"}").statusCode(200).body("state", equalTo("active"));
    }

    @Test
    void onlyBlockedKeyUnblocks() {
        LedgerApi.registerKey("UNB-3", "UNBLK-GGGGG-HHHHH-JJJJJ-UNBK3", 10);

        unblock("UNB-3", "{\"reference\": \"MS-3\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keyline.dev/problems/key-not-blocked"))
                .body("title", equalTo("Key not blocked"))
                .body(
                        "detail",
                        equalTo("key 'UNB-3' is active, not blocked; nothing changed. Only a blocked key can be"
                                + " unblocked"));
        unblock("UNB-NONE", "{\"reference\": \"MS-3\"}").statusCode(404);

        assertThat(journal("UNB-3").getList("items.entryType")).containsExactly("REGISTERED");
    }

    @Test
    void retiredKeyStaysRetired() {
        LedgerApi.registerKey("UNB-5", "UNBLK-PPPPP-QQQQQ-RRRRR-UNBK5", 10);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keys/UNB-5/retire")
                .then()
                .statusCode(200);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "UNB-5",
                json(activation("UB5-1", "UNB-5", "UNBK5", "0xC004C003")),
                json(activation("UB5-2", "UNB-5", "UNBK5", "0xC004C020")),
                json(provisioned("UB5-3", "UNB-5", "UNBK5")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("UNB-5").getLong("committed") == 1);

        assertThat(LedgerApi.key("UNB-5").getString("state")).isEqualTo("retired");
        unblock("UNB-5", "{\"reference\": \"MS-5\"}")
                .statusCode(409)
                .body("type", equalTo("https://keyline.dev/problems/key-not-blocked"))
                .body(
                        "detail",
                        equalTo("key 'UNB-5' is retired, not blocked; nothing changed. A retired key stays"
                                + " retired"));
    }

    @Test
    void blockedKeyStaysBlockedWhenExhausted() {
        LedgerApi.registerKey("UNB-9", "UNBLK-FFFFF-GGGGG-HHHHH-UNBK9", 10);
        block("UNB-9", "UNBK9", "UB9-1", 1);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "UNB-9",
                json(activation("UB9-2", "UNB-9", "UNBK9", "0xC004C020")),
                json(provisioned("UB9-3", "UNB-9", "UNBK9")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("UNB-9").getLong("committed") == 1);

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 5, \"reference\": \"PO-9\"}")
                .post("/api/v1/keys/UNB-9/top-ups")
                .then()
                .statusCode(200)
                .body("state", equalTo("blocked"));
    }

    @Test
    void exhaustedKeyReturnsToExhausted() {
        LedgerApi.registerKey("UNB-6", "UNBLK-TTTTT-VVVVV-WWWWW-UNBK6", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "UNB-6", json(activation("UB6-1", "UNB-6", "UNBK6", "0xC004C020")));
        await().atMost(TIMEOUT)
                .until(() -> "exhausted".equals(LedgerApi.key("UNB-6").getString("state")));
        block("UNB-6", "UNBK6", "UB6-2", 1);

        unblock("UNB-6", "{\"reference\": \"MS-6\"}")
                .statusCode(200)
                .body("state", equalTo("exhausted"))
                .body(
                        "stateReason",
                        equalTo("Microsoft reported the key exhausted before it was blocked (activation of UB6-1),"
                                + " and it was not topped up since"));
    }

    @Test
    void topUpWhileBlockedClearsExhaustion() {
        LedgerApi.registerKey("UNB-7", "UNBLK-XXXXX-YYYYY-ZZZZZ-UNBK7", 10);
        KafkaTestClient.produce(Topics.LINE_EVENTS, "UNB-7", json(activation("UB7-1", "UNB-7", "UNBK7", "0xC004C020")));
        await().atMost(TIMEOUT)
                .until(() -> "exhausted".equals(LedgerApi.key("UNB-7").getString("state")));
        block("UNB-7", "UNBK7", "UB7-2", 1);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 5, \"reference\": \"PO-7\"}")
                .post("/api/v1/keys/UNB-7/top-ups")
                .then()
                .statusCode(200)
                .body("state", equalTo("blocked"));

        unblock("UNB-7", "{\"reference\": \"MS-7\"}").statusCode(200).body("state", equalTo("active"));
    }

    @Test
    void otherContentTypesRejected() {
        LedgerApi.registerKey("UNB-8", "UNBLK-BBBBB-CCCCC-DDDDD-UNBK8", 10);
        block("UNB-8", "UNBK8", "UB8-1", 1);

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/plain")
                .body("{\"reference\": \"A\"}")
                .post("/api/v1/keys/UNB-8/unblock")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/plain")
                .body("dropped at QA")
                .post("/api/v1/keys/UNB-8/retire")
                .then()
                .statusCode(415);

        assertThat(LedgerApi.key("UNB-8").getString("state")).isEqualTo("blocked");
    }

    @Test
    void badReferenceRejected() {
        LedgerApi.registerKey("UNB-4", "UNBLK-KKKKK-MMMMM-NNNNN-UNBK4", 10);
        block("UNB-4", "UNBK4", "UB4-1", 1);

        unblock("UNB-4", "{}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"))
                .body("errors[0].message", equalTo("must not be null"));
        unblock("UNB-4", "{\"reference\": \"case tstaabbbbbcccccddddd7qx4m\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"))
                .body(
                        "errors[0].message",
                        equalTo("may contain a product key (25 letters and digits in a row once blanks and punctuation"
                                + " are removed), which the journal would keep"));
        unblock("UNB-4", "{\"reference\": \"caseBCDFGHJKMNPQRTVWXY2346789\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        List<String> lookalikes = List.of(
                "MS|1",
                "MS-4\\u200b",
                "MS-4\\ufeff",
                "MS-4\\u0085",
                "A\\u2028B",
                "MS\\u00a0CASE",
                " MS-4",
                "MS-4\\u3164",
                "\\u0301MS-4");
        for (String lookalike : lookalikes) {
            unblock("UNB-4", "{\"reference\": \"" + lookalike + "\"}")
                    .statusCode(400)
                    .body("errors[0].field", equalTo("reference"))
                    .body(
                            "errors[0].message",
                            equalTo("must be 1 to 200 letters, digits, punctuation marks, symbols or plain spaces,"
                                    + " without '|' and without a space at either end"));
        }

        assertThat(LedgerApi.key("UNB-4").getString("state")).isEqualTo("blocked");
    }

    /** Books a failure with a blocked HRESULT for a new device and waits for the key's {@code count}th block. */
    private static void block(String keyId, String partialKey, String serial, int count) {
        KafkaTestClient.produce(Topics.LINE_EVENTS, keyId, json(activation(serial, keyId, partialKey, "0xC004C003")));
        await().atMost(TIMEOUT)
                .until(() ->
                        "blocked".equals(LedgerApi.key(keyId).getString("state")) && blockedEntries(keyId) == count);
    }

    private static int blockedEntries(String keyId) {
        List<String> types = journal(keyId).getList("items.entryType");
        return (int) types.stream().filter("BLOCKED"::equals).count();
    }

    /** Returns the first page of the key's journal as an auditor reads it. */
    private static JsonPath journal(String keyId) {
        return given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/{keyId}/journal", keyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static ValidatableResponse unblock(String keyId, String body) {
        return given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/keys/{keyId}/unblock", keyId)
                .then();
    }
}
