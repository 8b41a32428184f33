package dev.keyline.station.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;

/** Requests a station sends in tests, with the imaging station's token unless a test passes another. */
public final class StationCalls {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StationCalls() {}

    public static String newSerial(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ObjectNode provisioned(String serial, String keyId, String partialKey, boolean keyCleared) {
        ObjectNode report = MAPPER.createObjectNode()
                .put("serial", serial)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01")
                .put("method", "audit-mode-ipk")
                .put("keyCleared", keyCleared);
        if (keyId != null) {
            report.put("keyId", keyId);
        }
        if (partialKey != null) {
            report.put("partialKey", partialKey);
        }
        return report;
    }

    public static Response postProvisioned(ObjectNode report) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(report.toString())
                .post("/api/v1/reports/device-provisioned");
    }

    public static Response postStep(String serial, String step) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("step", step)
                .put("lineId", "line-1")
                .put("stationId", "imaging-01");
        return postStepBody(serial, body.toString());
    }

    public static Response postStepBody(String serial, String body) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/devices/{serial}/steps", serial);
    }

    public static Response getDevice(String serial) {
        return given().auth().oauth2(Tokens.OPERATOR).get("/api/v1/devices/{serial}", serial);
    }
}
