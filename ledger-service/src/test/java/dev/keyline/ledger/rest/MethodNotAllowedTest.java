package dev.keyline.ledger.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.keyline.ledger.LedgerApi;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A method that a path does not take gets 405 with the Allow header that lists the methods it takes. */
@QuarkusTest
class MethodNotAllowedTest {

    @Test
    void allowHeaderListsMethods() {
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .delete("/api/v1/keys")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS, POST")
                .body(
                        "detail",
                        equalTo("DELETE is not allowed on /api/v1/keys; docs/API.md gives the methods of each"
                                + " endpoint"));
    }

    /** Quarkus REST responds 404 here by itself, although only the method is wrong. */
    @Test
    void postOnJournalGets405() {
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keys/MNA-1/journal")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("title", equalTo("Method Not Allowed"))
                .body(
                        "detail",
                        equalTo("POST is not allowed on /api/v1/keys/MNA-1/journal; docs/API.md gives the"
                                + " methods of each endpoint"));
    }

    @Test
    void unknownPathStays404() {
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keyz")
                .then()
                .statusCode(404)
                .header("Allow", nullValue())
                .body("type", equalTo("https://keyline.dev/problems/http-404"));
    }
}
