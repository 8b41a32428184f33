package dev.keyline.station.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.station.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PROVISIONED = "/api/v1/reports/device-provisioned";
    private static final String ACTIVATION = "/api/v1/reports/activation-attempted";

    @Test
    void missingSerialNamed() {
        ObjectNode report = provisionedReport();
        report.remove("serial");

        JsonPath problem = problem(post(PROVISIONED, Tokens.IMAGING_STATION, report.toString()), 400);

        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/invalid-request");
        assertThat(problem.getList("errors")).hasSize(1);
        assertThat(problem.getString("errors[0].field")).isEqualTo("/serial");
        assertThat(problem.getString("errors[0].message")).isEqualTo("is missing");
        assertThat(problem.getString("errors[0].fix")).contains("device serial");
        assertThat(problem.getString("detail")).contains("/serial");
    }

    @Test
    void badResultNamed() {
        ObjectNode report = activationReport().put("result", "failed");

        JsonPath problem = problem(post(ACTIVATION, Tokens.ACTIVATION_STATION, report.toString()), 400);

        assertThat(problem.getList("errors")).hasSize(1);
        assertThat(problem.getString("errors[0].field")).isEqualTo("/result");
        assertThat(problem.getString("errors[0].message")).contains("got 'failed'");
        assertThat(problem.getString("errors[0].fix")).contains("0xC004F074");
    }

    @Test
    void keyWithOtherSeparatorsNotRepeated() {
        ObjectNode report = activationReport()
                .put("channel", "BCDFG/HJKMN/PQRTV/WXY23/46789")
                .put("result", "bcdfg_hjkmn_pqrtv_wxy23_46789");

        Response response = post(ACTIVATION, Tokens.ACTIVATION_STATION, report.toString());
        JsonPath problem = problem(response, 400);

        assertThat(response.asString()).doesNotContain("BCDFG/HJKMN").doesNotContain("bcdfg_hjkmn");
        assertThat(problem.getList("errors.message", String.class))
                .allSatisfy(message -> assertThat(message).endsWith("got '*****-*****-*****-*****-46789'"));
    }

    @Test
    void valuesOfOtherJsonTypesRejected() {
        ObjectNode twoAsTruth = provisionedReport().put("keyCleared", 2);
        ObjectNode textAsTruth = provisionedReport().put("keyCleared", "false");
        ObjectNode numberAsSerial = provisionedReport().put("serial", 1500.0);
        ObjectNode numberAsNotes = activationReport().put("notes", 12);

        JsonPath two = problem(post(PROVISIONED, Tokens.IMAGING_STATION, twoAsTruth.toString()), 400);
        JsonPath text = problem(post(PROVISIONED, Tokens.IMAGING_STATION, textAsTruth.toString()), 400);
        JsonPath serial = problem(post(PROVISIONED, Tokens.IMAGING_STATION, numberAsSerial.toString()), 400);
        JsonPath notes = problem(post(ACTIVATION, Tokens.ACTIVATION_STATION, numberAsNotes.toString()), 400);

        assertThat(two.getString("errors[0].field")).isEqualTo("/keyCleared");
        assertThat(two.getString("errors[0].message")).isEqualTo("must be true or false");
        assertThat(text.getString("errors[0].field")).isEqualTo("/keyCleared");
        assertThat(serial.getString("errors[0].field")).isEqualTo("/serial");
        assertThat(notes.getString("errors[0].field")).isEqualTo("/notes");
    }

    @Test
    void badJsonRejected() {
        JsonPath problem = problem(post(PROVISIONED, Tokens.IMAGING_STATION, "{\"serial\": \"SN-1\","), 400);

        assertThat(problem.getString("type")).isEqualTo("https://keyline.dev/problems/unreadable-body");
        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
        assertThat(problem.getString("errors[0].message")).startsWith("not valid JSON at line 1");
    }

    @Test
    void wrongTypeAndUnknownMemberNamed() {
        ObjectNode report = provisionedReport().put("keyCleared", "maybe").put("keyid", "KEY-A");
        report.remove("keyId");

        JsonPath problem = problem(post(PROVISIONED, Tokens.IMAGING_STATION, report.toString()), 400);

        assertThat(problem.getString("errors[0].field")).isEqualTo("/keyCleared");
        assertThat(problem.getString("errors[0].message")).isEqualTo("must be true or false, got 'maybe'");
        assertThat(problem.getString("errors[1].field")).isEqualTo("/keyid");
        assertThat(problem.getString("errors[1].message")).contains("not a member");
        assertThat(problem.getList("errors")).hasSize(2);
    }

    @Test
    void methodAndKeyRulesChecked() {
        ObjectNode report = provisionedReport().put("method", "usb-stick").put("time", "yesterday");
        report.remove("keyId");

        JsonPath problem = problem(post(PROVISIONED, Tokens.IMAGING_STATION, report.toString()), 400);

        assertThat(problem.getList("errors.field")).containsExactly("/keyId", "/method", "/time");
        assertThat(problem.getString("errors[1].message")).contains("got 'usb-stick'");
        assertThat(problem.getString("errors[2].message")).contains("got 'yesterday'");
    }

    @Test
    void arrayBodyRejected() {
        JsonPath problem = problem(post(PROVISIONED, Tokens.IMAGING_STATION, "[]"), 400);

        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
        assertThat(problem.getString("errors[0].message")).isEqualTo("is a JSON array, not an object");
    }

    private static JsonPath problem(Response response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.jsonPath();
    }

    static Response post(String path, String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path);
    }

    private static ObjectNode provisionedReport() {
        return MAPPER.createObjectNode()
                .put("serial", "SN-VALID-1")
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("keyId", "KEY-A")
                .put("method", "unattend")
                .put("keyCleared", true);
    }

    private static ObjectNode activationReport() {
        return MAPPER.createObjectNode()
                .put("serial", "SN-VALID-2")
                .put("lineId", "line-1")
                .put("stationId", "activation-01")
                .put("channel", "internet")
                .put("result", "success");
    }
}
