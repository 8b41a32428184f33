package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
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
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Top-ups: the reference is journaled and books once, the allotment has a ceiling, and exhaustion clears. */
@QuarkusTest
class TopUpTest {

    @Test
    void topUpReactivatesExhaustedKey() {
        LedgerApi.registerKey("TOP-EX", "TOPUP-AAAAA-BBBBB-CCCCC-TOPX1", 10);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS, "TOP-EX", json(activation("TX-1", "TOP-EX", "TOPX1", "0xC004C020")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "exhausted".equals(LedgerApi.key("TOP-EX").getString("state")));

        topUp("TOP-EX", "{\"activations\": 20, \"reference\": \"PO 4711\"}")
                .statusCode(200)
                .body("allotment", equalTo(30))
                .body("state", equalTo("active"));

        assertThat(LedgerApi.key("TOP-EX").getString("stateReason")).isNull();
        JsonPath journal = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/TOP-EX/journal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(journal.getList("items.entryType")).containsExactly("REGISTERED", "EXHAUSTED", "TOPPED_UP");
        assertThat(journal.getString("items[1].serial")).isEqualTo("TX-1");
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/TOP-EX/journal/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void sameReferenceBooksOnce() {
        LedgerApi.registerKey("TOP-REF", "TOPUP-AAAAA-BBBBB-CCCCC-TOPR1", 5);

        topUp("TOP-REF", "{\"activations\": 2, \"reference\": \"PO-1\"}").statusCode(200);
        topUp("TOP-REF", "{\"activations\": 2, \"reference\": \"PO-1\"}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keyline.dev/problems/top-up-already-booked"))
                .body("title", equalTo("Top-up already booked"));
        topUp("TOP-REF", "{\"activations\": 3, \"reference\": \"PO-2\"}").statusCode(200);

        assertThat(LedgerApi.key("TOP-REF").getLong("allotment")).isEqualTo(10);
        List<String> eventIds = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/TOP-REF/journal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.eventId");
        assertThat(eventIds.subList(1, eventIds.size())).containsExactly("top-up:PO-1", "top-up:PO-2");
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/TOP-REF/journal/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("journalTotals.allotment", equalTo(10));
    }

    @Test
    void allotmentAboveCeilingRejected() {
        LedgerApi.registerKey("TOP-MAX", "TOPUP-AAAAA-BBBBB-CCCCC-TOPM1", 99_999_990);

        topUp("TOP-MAX", "{\"activations\": 11}")
                .statusCode(409)
                .body("type", equalTo("https://keyline.dev/problems/allotment-too-large"))
                .body(
                        "detail",
                        equalTo("topping up key 'TOP-MAX' by 11 would make its allotment 100000001, above the maximum"
                                + " of 100000000; nothing changed. Check the number of activations"));

        assertThat(LedgerApi.key("TOP-MAX").getLong("allotment")).isEqualTo(99_999_990);
    }

    @Test
    void badReferenceRejected() {
        LedgerApi.registerKey("TOP-BAD", "TOPUP-AAAAA-BBBBB-CCCCC-TOPB1", 5);

        topUp("TOP-BAD", "{\"activations\": 1, \"reference\": \"order tstaabbbbbcccccddddd7qx4m\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"))
                .body(
                        "errors[0].message",
                        equalTo("may contain a product key (25 letters and digits in a row once blanks and punctuation"
                                + " are removed), which the journal would keep"));
        topUp("TOP-BAD", "{\"activations\": 1, \"reference\": \"PO|1\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"))
                .body(
                        "errors[0].message",
                        equalTo("must be 1 to 200 letters, digits, punctuation marks, symbols or plain spaces,"
                                + " without '|' and without a space at either end"));
        topUp("TOP-BAD", "{\"activations\": 1, \"reference\": \"   \"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        topUp("TOP-BAD", "{\"activations\": 1, \"reference\": \"PO-1 \"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        topUp("TOP-BAD", "{\"activations\": 1, \"reference\": \"PO-1\\u00a0\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("reference"));

        assertThat(LedgerApi.key("TOP-BAD").getLong("allotment")).isEqualTo(5);
    }

    @Test
    void ambiguousBodiesRejected() {
        LedgerApi.registerKey("TOP-AMB", "TOPUP-AAAAA-BBBBB-CCCCC-TOPA1", 5);

        topUp("TOP-AMB", "{\"activations\": 5, \"activations\": 7, \"reference\": \"PO-2\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keyline.dev/problems/unreadable-body"))
                .body("errors[0].message", equalTo("Duplicate field 'activations'"));
        topUp("TOP-AMB", "{\"activations\": 1, \"reference\": \"R\\ud83d\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("/reference"))
                .body(
                        "errors[0].message",
                        equalTo("contains half of a UTF-16 surrogate pair (such as \\ud800 without its low half),"
                                + " which cannot be stored; send the whole character or remove it"));

        topUp("TOP-AMB", "{\"activations\": \"5\", \"reference\": \"PO-3\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("/activations"))
                .body("errors[0].message", equalTo("is text in quotes, not a JSON number"))
                .body("errors[0].fix", equalTo("send a JSON number without quotes"));
        topUp("TOP-AMB", "{\"activations\": \"\uFF15\", \"reference\": \"PO-4\"}")
                .statusCode(400)
                .body("errors[0].message", equalTo("is text in quotes, not a JSON number"));

        assertThat(LedgerApi.key("TOP-AMB").getLong("allotment")).isEqualTo(5);
    }

    private static ValidatableResponse topUp(String keyId, String body) {
        return given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/keys/{keyId}/top-ups", keyId)
                .then();
    }
}
