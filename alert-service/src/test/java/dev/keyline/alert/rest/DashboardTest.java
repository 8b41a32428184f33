package dev.keyline.alert.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard is a static page that needs no token to load, because it contains no data. The page requests a
 * token and reads the alerts through the API.
 */
@QuarkusTest
class DashboardTest {

    @Test
    void pageLoadsWithoutToken() {
        Response page = given().get("/dashboard/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("<script src=\"dashboard.js\"></script>", "<title>Keyline alerts</title>");
        assertThat(page.asString()).doesNotContain("<style", "style=");
        assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void pathWithoutSlashRedirected() {
        Response redirect = given().redirects().follow(false).get("/dashboard");

        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo("/dashboard/");
        assertThat(given().redirects().follow(false).head("/dashboard").statusCode())
                .isEqualTo(301);
    }

    @Test
    void scriptReadsListAndStream() {
        Response script = given().get("/dashboard/dashboard.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.asString())
                .contains("\"/api/v1/alerts?status=\"", "\"/api/v1/alerts/stream\"", "Authorization: \"Bearer \"");
    }

    @Test
    void scriptWritesTextNeverMarkup() {
        String script = given().get("/dashboard/dashboard.js").asString();

        assertThat(script).contains("textContent").doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML");
    }
}
