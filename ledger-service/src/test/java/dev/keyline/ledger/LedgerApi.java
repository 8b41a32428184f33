package dev.keyline.ledger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** REST calls the booking tests share, made with the test tokens of application.properties. */
public final class LedgerApi {

    public static final String OPERATOR = "operator-test-token";
    public static final String AUDITOR = "auditor-test-token";

    private LedgerApi() {}

    public static void registerKey(String keyId, String productKey, long allotment) {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"" + keyId + "\",\"productKey\":\"" + productKey + "\",\"allotment\":" + allotment
                        + "}")
                .post("/api/v1/keys")
                .then()
                .statusCode(201);
    }

    /** Registers a key whose journal starts at {@code grantedAt}, such as before the fixed time of TestEvents. */
    public static void registerKey(String keyId, String productKey, long allotment, String grantedAt) {
        given().auth()
                .oauth2(OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"keyId\":\"" + keyId + "\",\"productKey\":\"" + productKey + "\",\"allotment\":" + allotment
                        + ",\"grantedAt\":\"" + grantedAt + "\"}")
                .post("/api/v1/keys")
                .then()
                .statusCode(201);
    }

    public static JsonPath key(String keyId) {
        return given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/keys/" + keyId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static int deviceStatusCode(String serial) {
        return given().auth().oauth2(AUDITOR).get("/api/v1/devices/" + serial).statusCode();
    }

    public static JsonPath device(String serial) {
        return given().auth()
                .oauth2(AUDITOR)
                .get("/api/v1/devices/" + serial)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
