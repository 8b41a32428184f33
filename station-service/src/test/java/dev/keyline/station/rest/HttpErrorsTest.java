package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.station.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The errors that JAX-RS raises itself describe the problem in the caller's terms and give what to do. */
@QuarkusTest
class HttpErrorsTest {

    @TestHTTPResource("/api/v1/reports/device-provisioned")
    URI provisionedUri;

    @Test
    void semicolonInPathIsProblem() {
        Response response = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .urlEncodingEnabled(false)
                .contentType("application/json")
                .body("{\"step\": \"image-applied\", \"lineId\": \"line-1\", \"stationId\": \"imaging-01\"}")
                .post("/api/v1/devices/SN-77;rev=2/steps");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type"))
                .isEqualTo("https://keyline.dev/problems/matrix-parameter-in-url");
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("path");
        assertThat(given().auth()
                        .oauth2(Tokens.OPERATOR)
                        .get("/api/v1/devices/SN-77")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void nulInUrlIsProblem() {
        Response response =
                given().auth().oauth2(Tokens.OPERATOR).urlEncodingEnabled(false).get("/api/v1/devices/SN%0001");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/nul-in-url");
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("path");
    }

    @Test
    void wrongContentTypeNamed() {
        Response response = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("text/plain")
                .body("{}")
                .post("/api/v1/reports/device-provisioned");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail"))
                .startsWith("this endpoint does not take Content-Type 'text/plain")
                .endsWith("send the type that docs/API.md gives for this endpoint: application/json for most,"
                        + " text/csv or application/xml for imports, text/plain, application/json or "
                        + "application/xml for"
                        + " artifacts");
    }

    @Test
    void malformedContentTypeNamed() {
        // RestAssured adds its default charset to the empty type, which makes a type without a name.
        Response response = given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .header("Content-Type", "")
                .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/reports/device-provisioned");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type"))
                .isEqualTo("https://keyline.dev/problems/unreadable-content-type");
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("the Content-Type header '; charset=ISO-8859-1' is not a media type, so the body was not"
                        + " read");
    }

    @Test
    void secondContentTypeRejected() throws Exception {
        String request = "POST " + provisionedUri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + provisionedUri.getHost() + ":" + provisionedUri.getPort() + "\r\n"
                + "Authorization: Bearer " + Tokens.IMAGING_STATION + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Type: ; x\r\n"
                + "Content-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}";

        String response;
        try (Socket socket = new Socket(provisionedUri.getHost(), provisionedUri.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 415");
        assertThat(response).contains("the request has 2 Content-Type headers, so the body was not read");
    }

    @Test
    void unacceptableTypeNamesTypes() {
        Response response =
                given().auth().oauth2(Tokens.OPERATOR).accept("image/png").get("/api/v1/devices/SN-406");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("this endpoint cannot answer in the types of the Accept header; send an Accept header with"
                        + " a type that docs/API.md gives for this endpoint: application/json for most, text/csv for"
                        + " exports, text/event-stream for streams");
    }

    @Test
    void unknownPathAndMethodNamed() {
        Response missing = given().auth().oauth2(Tokens.OPERATOR).get("/api/v1/reportz");
        Response method = given().auth().oauth2(Tokens.IMAGING_STATION).get("/api/v1/reports/device-provisioned");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.jsonPath().getString("detail"))
                .isEqualTo("there is no endpoint at /api/v1/reportz; docs/API.md lists the endpoints");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.header("Allow")).isEqualTo("OPTIONS, POST");
        assertThat(missing.header("Allow")).isNull();
        assertThat(method.jsonPath().getString("detail"))
                .isEqualTo("GET is not allowed on /api/v1/reports/device-provisioned; docs/API.md gives the methods of"
                        + " each endpoint");
    }
}
