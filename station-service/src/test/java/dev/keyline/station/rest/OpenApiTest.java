package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void documentServedWithoutToken() {
        JsonPath document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(document.getString("info.title")).isEqualTo("Keyline station service");
        assertThat(document.getMap("paths"))
                .containsKeys("/api/v1/reports/device-provisioned", "/api/v1/reports/activation-attempted");
        assertThat(document.getMap("components.schemas")).containsKey("DeviceProvisionedReport");
    }
}
