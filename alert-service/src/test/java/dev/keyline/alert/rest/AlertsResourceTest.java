package dev.keyline.alert.rest;

import static dev.keyline.alert.support.AlertsApi.AUDITOR_TOKEN;
import static dev.keyline.alert.support.AlertsApi.STATION_TOKEN;
import static dev.keyline.alert.support.AlertsApi.alerts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertsResourceTest {

    @Test
    void emptyFilterRejected() {
        for (String parameter : List.of("status", "rule", "severity", "keyId", "lineId")) {
            given().auth()
                    .oauth2(AUDITOR_TOKEN)
                    .urlEncodingEnabled(false)
                    .when()
                    .get("/api/v1/alerts?" + parameter + "=")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://keyline.dev/problems/empty-parameter"))
                    .body("errors.field", contains(parameter))
                    .body("errors[0].message", equalTo("is empty"));
        }
    }

    @Test
    void missingTokenIs401() {
        given().when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void unknownTokenIs401() {
        given().auth()
                .oauth2("no-such-token")
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(401);
    }

    @Test
    void stationTokenIs403() {
        given().auth()
                .oauth2(STATION_TOKEN)
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void stationTokenOnStatusIs403() {
        given().auth().oauth2(STATION_TOKEN).when().get("/api/v1/status").then().statusCode(403);
    }

    @Test
    void auditorMayRead() {
        given().auth().oauth2(AUDITOR_TOKEN).when().get("/api/v1/alerts").then().statusCode(200);
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .when()
                .get("/api/v1/status")
                .then()
                .statusCode(200)
                .body("lineEventsProcessed", org.hamcrest.Matchers.notNullValue())
                .body("ledgerEventsProcessed", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void invalidStatusIs400() {
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .queryParam("status", "open")
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("status"))
                .body(
                        "errors[0].message",
                        equalTo("'open' is not a valid status; allowed values are [firing, acknowledged, resolved]"))
                .body(
                        "errors[0].fix",
                        equalTo("send status as one of firing, acknowledged, resolved, or leave it out"));
    }

    @Test
    void invalidRuleAndSeverityAre400() {
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .queryParam("rule", "key-gone")
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rule"))
                .body("errors[0].fix", containsString("key-low, key-exhausted, key-over-committed"))
                .body("errors[0].fix", containsString("activation-failure-spike, dead-letter"));
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .queryParam("severity", "CRITICAL")
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].fix", containsString("info, warning, high, critical"));
    }

    @Test
    void invalidKeyIdIs400() {
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .queryParam("keyId", "KEY B")
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("keyId"));
    }

    @Test
    void filtersCombine() {
        String keyId = TestEvents.uniqueId("KEY");
        String serial = TestEvents.uniqueId("SN");
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 5)));
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.unattributed(keyId, serial, "line-1")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(alerts(Map.of("keyId", keyId)).getList("$")).hasSize(2));

        assertThat(alerts(Map.of("keyId", keyId, "rule", "key-low")).getList("rule"))
                .containsExactly("key-low");
        assertThat(alerts(Map.of("keyId", keyId, "severity", "high")).getList("rule"))
                .containsExactly("activation-unknown-device");
        assertThat(alerts(Map.of("keyId", keyId, "status", "resolved")).getList("$"))
                .isEmpty();
        assertThat(alerts(Map.of("keyId", keyId, "lineId", "line-1")).getList("rule"))
                .containsExactly("activation-unknown-device");
    }
}
