package dev.keyline.ledger.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.keyline.embedded.KafkaTestResource;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.ledger.DatabaseDump;
import dev.keyline.ledger.LedgerApi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "keyline_ledger"))
class KeyRegistrationTest {

    static final String OPERATOR = "operator-test-token";
    static final String AUDITOR = "auditor-test-token";
    static final String STATION = "station-line-1-imaging-01-test-token";

    // Made-up key in the 5x5 layout.
    private static final String PRODUCT_KEY = "REGTS-AAAAA-BBBBB-CCCCC-Q7W3R";

    static String registration(String keyId, String productKey, long allotment) {
        return "{\"keyId\":\"" + keyId + "\",\"productKey\":\"" + productKey + "\",\"allotment\":" + allotment + "}";
    }

    @Test
    void registersKeyWithoutStoringIt() throws Exception {
        String body = given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-1", PRODUCT_KEY, 50))
                .when()
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .body("keyId", equalTo("REG-1"))
                .body("partialKey", equalTo("Q7W3R"))
                .body("allotment", equalTo(50))
                .body("committed", equalTo(0))
                .body("consumed", equalTo(0))
                .body("available", equalTo(50))
                .extract()
                .asString();

        assertThat(body).doesNotContain(PRODUCT_KEY);
        assertThat(DatabaseDump.allRowsAsText()).doesNotContain(PRODUCT_KEY).contains("Q7W3R");
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .body("keyId", hasItem("REG-1"));
    }

    @Test
    void rejectsSameKeyTwice() {
        String key = "REGTS-DDDDD-EEEEE-FFFFF-Z9Y8X";
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-2", key, 10))
                .post("/api/v1/keys")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-3", key.toLowerCase(), 10))
                .post("/api/v1/keys")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Key already registered"))
                .body("detail", equalTo("this product key is already registered as 'REG-2'; use that key id"));
    }

    @Test
    void parallelRegistrationsGetConflicts() throws Exception {
        // Six registrations at once of one key under six ids, then of six keys under one id: one of each set is
        // registered and the others get the 409 a later request gets, never a 500 from the unique index.
        String key = "RACEK-GGGGG-HHHHH-JJJJJ-R4C31";
        List<Integer> sameKey = registerAtOnce(List.of(
                registration("RACE-1", key, 5),
                registration("RACE-2", key, 5),
                registration("RACE-3", key, 5),
                registration("RACE-4", key, 5),
                registration("RACE-5", key, 5),
                registration("RACE-6", key, 5)));
        List<Integer> sameId = registerAtOnce(List.of(
                registration("RACE-ID", "RACEK-KKKKK-MMMMM-NNNNN-R4C41", 5),
                registration("RACE-ID", "RACEK-KKKKK-MMMMM-NNNNN-R4C42", 5),
                registration("RACE-ID", "RACEK-KKKKK-MMMMM-NNNNN-R4C43", 5),
                registration("RACE-ID", "RACEK-KKKKK-MMMMM-NNNNN-R4C44", 5),
                registration("RACE-ID", "RACEK-KKKKK-MMMMM-NNNNN-R4C46", 5),
                registration("RACE-ID", "RACEK-KKKKK-MMMMM-NNNNN-R4C47", 5)));

        assertThat(sameKey).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        assertThat(sameId).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
    }

    /** Sends the registrations at the same moment and returns their statuses. */
    private static List<Integer> registerAtOnce(List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String body : bodies) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(OPERATOR)
                            .contentType(ContentType.JSON)
                            .body(body)
                            .post("/api/v1/keys")
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                result.add(status.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dashlessKeyIsSameKey() {
        String body = given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-8", "REGTSGGGGGHHHHHJJJJJK4M2P", 10))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .body("partialKey", equalTo("K4M2P"))
                .extract()
                .asString();
        assertThat(body).doesNotContain("REGTSGGGGGHHHHHJJJJJK4M2P");

        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-9", "REGTS-GGGGG-HHHHH-JJJJJ-K4M2P", 10))
                .post("/api/v1/keys")
                .then()
                .statusCode(409)
                .body("detail", equalTo("this product key is already registered as 'REG-8'; use that key id"));
    }

    @Test
    void rejectsMalformedKeyWithoutEchoingIt() {
        String body = given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-4", "NOT-A-KEY-12345", 10))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("productKey"))
                .extract()
                .asString();

        assertThat(body).doesNotContain("NOT-A-KEY-12345");
    }

    @Test
    void rejectsMissingAllotment() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"REG-5\",\"productKey\":\"" + PRODUCT_KEY + "\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("allotment"));
    }

    @Test
    void rolesGuardEndpoints() {
        given().get("/api/v1/keys").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/v1/keys").then().statusCode(401);
        given().auth().oauth2(STATION).get("/api/v1/keys").then().statusCode(403);
        given().auth()
                .oauth2(AUDITOR)
                .contentType(ContentType.JSON)
                .body(registration("REG-6", PRODUCT_KEY, 10))
                .post("/api/v1/keys")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unknownKeyIsNotFound() {
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/NOPE")
                .then()
                .statusCode(404)
                .body("detail", equalTo("key 'NOPE' was not found; list registered keys with GET /api/v1/keys"));
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void rejectsKeyIdThatIsAKey() {
        String body = given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration(PRODUCT_KEY, PRODUCT_KEY, 5))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("keyId"))
                .body("errors[0].message", equalTo("looks like a product key, also with its separators removed"))
                .extract()
                .asString();

        assertThat(body).doesNotContain(PRODUCT_KEY);
    }

    @Test
    void dottedKeyIdRejected() {
        // 25 letters and digits once the dots are removed: the key's own URL would reject it as a key.
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body(registration("epkea.line1.2026.batch.000042", PRODUCT_KEY, 5))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("keyId"));
    }

    @Test
    void dotsAloneKeyIdRejected() {
        // "/api/v1/keys/../balance" is "/api/v1/balance" once the path is normalised, so such a key had no URL.
        for (String dots : List.of(".", "..", "...")) {
            given().auth()
                    .oauth2(OPERATOR)
                    .contentType(ContentType.JSON)
                    .body(registration(dots, PRODUCT_KEY, 5))
                    .post("/api/v1/keys")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("keyId"))
                    .body(
                            "errors[0].message",
                            startsWith("must be 1 to 64 letters, digits, '.', '_' or '-', not dots"));
        }
    }

    @Test
    void wrongTypeIsProblemNamingField() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"REG-7\",\"productKey\":\"" + PRODUCT_KEY + "\",\"allotment\":\"ten\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("/allotment"));
    }

    @Test
    void malformedJsonIsProblemWithPosition() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"REG-8\",")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("the request body could not be read at line 1"));
    }

    @Test
    void nulCharacterInReferenceRejected() {
        LedgerApi.registerKey("REG-NUL", "NULCH-AAAAA-BBBBB-CCCCC-NUL01", 10);

        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 5, \"reference\": \"PO 1\\u0000\"}")
                .post("/api/v1/keys/REG-NUL/top-ups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("/reference"))
                .body(
                        "errors[0].message",
                        equalTo("contains a NUL character (\\u0000), which cannot be stored; remove it"));
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/REG-NUL")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(10));
    }

    @Test
    void arrayBodyNamesNoJavaType() {
        String message = given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("[1, 2]")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getString("errors[0].message");

        assertThat(message).isEqualTo("is an array where a JSON object belongs");
    }

    @Test
    void numberForGrantedAtRejected() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"REG-NUM\",\"productKey\":\"NUMBR-AAAAA-BBBBB-CCCCC-N0M01\",\"allotment\":5,"
                        + "\"grantedAt\":1764979200}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("/grantedAt"))
                .body("errors[0].message", equalTo("is not an instant in quotes"));
    }

    @Test
    void emptyBodyNamesBody() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("is missing: the request has no body"));
    }

    @Test
    void misspeltMemberRejected() {
        LedgerApi.registerKey("REG-TYPO", "TYPOS-AAAAA-BBBBB-CCCCC-TYP01", 10);

        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 5, \"refrence\": \"PO 1\"}")
                .post("/api/v1/keys/REG-TYPO/top-ups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://keyline.dev/problems/unknown-member"))
                .body("errors[0].field", equalTo("/refrence"))
                .body(
                        "errors[0].fix",
                        equalTo("remove it, or check its spelling: the members are activations," + " reference"));
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/REG-TYPO")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(10));
    }

    @Test
    void futureGrantedAtRejected() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"REG-FUT\",\"productKey\":\"FUTUR-AAAAA-BBBBB-CCCCC-FUT01\",\"allotment\":5,"
                        + "\"grantedAt\":\"2030-01-01T00:00:00Z\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("grantedAt"))
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.startsWith("is 2030-01-01T00:00:00Z, later than now ("))
                .body(
                        "errors[0].fix",
                        equalTo("give the time Microsoft granted the allotment, or leave grantedAt out to use now"));
        given().auth().oauth2(AUDITOR).get("/api/v1/keys/REG-FUT").then().statusCode(404);
    }

    @Test
    void grantedBefore2000Rejected() {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"REG-OLD\",\"productKey\":\"0LDGR-AAAAA-BBBBB-CCCCC-0LD01\",\"allotment\":5,"
                        + "\"grantedAt\":\"-5000-01-01T00:00:00Z\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("grantedAt"))
                .body("errors[0].message", equalTo("is -5000-01-01T00:00:00Z, before 2000-01-01T00:00:00Z"));
        given().auth().oauth2(AUDITOR).get("/api/v1/keys/REG-OLD").then().statusCode(404);
    }

    @Test
    void queryInstantsOutsideFourDigitYearsRejected() {
        LedgerApi.registerKey("REG-EXT", "EXTRM-AAAAA-BBBBB-CCCCC-EXT01", 5);

        for (String call : List.of(
                "/api/v1/keys/REG-EXT/forecast?at=-5000-01-01T00:00:00Z",
                "/api/v1/keys/REG-EXT/balance?at=-300000000-06-01T00:00:00Z",
                "/api/v1/keys/REG-EXT/journal?to=%2B300000000-01-01T00:00:00Z",
                "/api/v1/reconciliation?from=%2B10000-01-01T00:00:00Z")) {
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(AUDITOR)
                    .get(call)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(
                            "errors[0].message",
                            org.hamcrest.Matchers.endsWith(", outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z"));
        }
    }

    @Test
    void fractionalTopUpRejected() {
        LedgerApi.registerKey("REG-FRAC", "FRACT-AAAAA-BBBBB-CCCCC-FRAC1", 10);

        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 1.5}")
                .post("/api/v1/keys/REG-FRAC/top-ups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("/activations"))
                .body("errors[0].message", equalTo("is not a whole number"))
                .body("errors[0].fix", equalTo("send a whole number in digits, without a fraction or an exponent"));
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/REG-FRAC")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(10));
    }

    @Test
    void journalRangeBackwardsRejected() {
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/REG-1/journal?from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", equalTo("is 2027-01-01T00:00:00Z, after to 2026-01-01T00:00:00Z"));
    }

    @Test
    void nonNumericPageSizeIsBadRequest() {
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/devices?size=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("size"))
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.equalTo("must be a whole number from 1 to 1000, got 'abc'"));
        given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/REG-1/journal?page=-1")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("page"))
                .body("errors[0].fix", org.hamcrest.Matchers.equalTo("send page as a whole number from 0 to 2147483"));
    }
}
