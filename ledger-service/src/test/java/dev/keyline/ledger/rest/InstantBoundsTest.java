package dev.keyline.ledger.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.keyline.ledger.LedgerApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Instants finer than the microseconds PostgreSQL keeps select the entries they name: {@code from} and {@code to}
 * round up, {@code at} rounds down. A range without {@code from} starts at the first instant the API accepts.
 */
@QuarkusTest
class InstantBoundsTest {

    @Test
    void boundsFinerThanMicroseconds() {
        LedgerApi.registerKey("BOUND-1", "BNDTS-AAAAA-BBBBB-CCCCC-B0D01", 10);
        Instant booked = Instant.parse(journal("BOUND-1", null, null).getString("items[0].bookedAt"));
        String justAfter = booked.plusNanos(100).toString();
        String justBefore = booked.minusNanos(100).toString();

        assertThat(journal("BOUND-1", justAfter, null).getLong("total"))
                .as("an entry before from")
                .isZero();
        assertThat(journal("BOUND-1", justBefore, null).getLong("total"))
                .as("an entry after from")
                .isEqualTo(1);
        assertThat(journal("BOUND-1", null, justAfter).getLong("total"))
                .as("an entry before to")
                .isEqualTo(1);
        assertThat(journal("BOUND-1", null, justBefore).getLong("total"))
                .as("an entry after to")
                .isZero();
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", justBefore)
                .get("/api/v1/keys/BOUND-1/balance")
                .then()
                .statusCode(200)
                .body("journalEntries", equalTo(0))
                .body("at", equalTo(booked.minusNanos(1000).toString()));
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", justAfter)
                .get("/api/v1/keys/BOUND-1/balance")
                .then()
                .statusCode(200)
                .body("journalEntries", equalTo(1));
    }

    @Test
    void reversedWithinMicrosecondRejected() {
        LedgerApi.registerKey("BOUND-3", "BNDTS-HHHHH-JJJJJ-KKKKK-B0D03", 10);
        Instant booked = Instant.parse(journal("BOUND-3", null, null).getString("items[0].bookedAt"));

        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("from", booked.plusNanos(900).toString())
                .queryParam("to", booked.plusNanos(100).toString())
                .get("/api/v1/keys/BOUND-3/journal")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body(
                        "errors[0].message",
                        equalTo("is " + booked.plusNanos(900) + ", after to " + booked.plusNanos(100)));
    }

    @Test
    void missingFromStartsAtFirstInstant() {
        LedgerApi.registerKey("BOUND-2", "BNDTS-DDDDD-FFFFF-GGGGG-B0D02", 10);

        assertThat(journal("BOUND-2", null, "1969-06-01T00:00:00Z").getLong("total"))
                .isZero();
        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("to", "1969-06-01T00:00:00Z")
                .get("/api/v1/reconciliation")
                .then()
                .statusCode(200)
                .body("from", equalTo("0001-01-01T00:00:00Z"));
    }

    private static JsonPath journal(String keyId, String from, String to) {
        var request = given().auth().oauth2(LedgerApi.AUDITOR);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.get("/api/v1/keys/" + keyId + "/journal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
