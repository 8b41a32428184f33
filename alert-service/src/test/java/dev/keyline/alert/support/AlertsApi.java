package dev.keyline.alert.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Calls the alert service's REST API with the test tokens from application.properties. */
public final class AlertsApi {

    public static final String OPERATOR_TOKEN = "operator-test-token";
    public static final String AUDITOR_TOKEN = "auditor-test-token";
    public static final String STATION_TOKEN = "station-line-1-imaging-01-test-token";

    private AlertsApi() {}

    /** Returns {@code GET /api/v1/alerts} with the filters given, as the operator, expecting 200. */
    public static JsonPath alerts(Map<String, String> filters) {
        return given().auth()
                .oauth2(OPERATOR_TOKEN)
                .queryParams(filters)
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Returns {@code GET /api/v1/alerts/{id}} as the operator, expecting 200. */
    public static JsonPath alert(String id) {
        return get("/api/v1/alerts/" + id);
    }

    /** Returns {@code GET /api/v1/alerts/{id}/history} as the operator, expecting 200. */
    public static JsonPath history(String id) {
        return get("/api/v1/alerts/" + id + "/history");
    }

    /** Returns {@code GET /api/v1/status} as the operator, expecting 200. */
    public static JsonPath status() {
        return get("/api/v1/status");
    }

    private static JsonPath get(String path) {
        return given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
