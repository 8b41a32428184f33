package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.station.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportAuthTest {

    private static final String PROVISIONED = "/api/v1/reports/device-provisioned";
    private static final String REPORT =
            """
            {"serial": "SN-AUTH-1", "lineId": "line-1", "stationId": "imaging-01", "keyId": "KEY-A",
             "method": "unattend", "keyCleared": true}
            """;

    @Test
    void missingTokenUnauthorized() {
        Response response = given().contentType(ContentType.JSON).body(REPORT).post(PROVISIONED);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void unknownTokenUnauthorized() {
        Response response = ReportValidationTest.post(PROVISIONED, "not-a-configured-token", REPORT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void otherStationForbidden() {
        Response response = ReportValidationTest.post(PROVISIONED, Tokens.ACTIVATION_STATION, REPORT);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail"))
                .contains("station activation-01")
                .contains("station imaging-01");
    }

    @Test
    void operatorTokenForbidden() {
        Response response = ReportValidationTest.post(PROVISIONED, Tokens.OPERATOR, REPORT);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
