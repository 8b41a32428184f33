package dev.keyline.station.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Artifact requests of the imaging station in tests. */
public final class Artifacts {

    private Artifacts() {}

    public static Response post(String serial, String artifact, String contentType, String body) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType(contentType)
                .body(body)
                .post("/api/v1/devices/{serial}/artifacts/" + artifact, serial);
    }

    public static Response postAnswerFile(String serial, String path, String xml) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("application/xml")
                .queryParam("path", path)
                .body(xml)
                .post("/api/v1/devices/{serial}/artifacts/answer-file", serial);
    }

    public static Response postAnswerFileCheck(String path, String xml) {
        return given().auth()
                .oauth2(Tokens.IMAGING_STATION)
                .contentType("application/xml")
                .queryParam("path", path)
                .body(xml)
                .post("/api/v1/answer-file-checks");
    }
}
