package dev.keyline.alert.rest;

import static dev.keyline.alert.support.AlertsApi.AUDITOR_TOKEN;
import static dev.keyline.alert.support.AlertsApi.OPERATOR_TOKEN;
import static dev.keyline.alert.support.AlertsApi.alerts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.keyline.alert.service.AlertmanagerResender;
import dev.keyline.alert.support.AlertmanagerApi;
import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.alert.support.WebhookReceiver;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operators silence alerts by label matchers for a time window: silenced alerts are stored but not delivered. */
@QuarkusTest
class SilencesApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AlertmanagerResender resender;

    @Test
    void createReadExpire() {
        String keyId = TestEvents.uniqueId("KEY");
        Response created = create(keyId, Instant.now().plusSeconds(3600));
        String id = created.jsonPath().getString("id");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/silences/" + id);
        assertThat(created.jsonPath().getString("state")).isEqualTo("active");
        assertThat(created.jsonPath().getString("createdBy")).isEqualTo("operator");
        assertThat(created.jsonPath().getList("matchers"))
                .containsExactly(Map.of("name", "keyId", "value", keyId, "isRegex", false, "isEqual", true));
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .when()
                .get("/api/v1/silences")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .delete("/api/v1/silences/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("expired"));
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .when()
                .get("/api/v1/silences/{id}", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("expired"));
    }

    @Test
    void silencedAlertNotDelivered() {
        String silencedKey = TestEvents.uniqueId("KEY");
        String otherKey = TestEvents.uniqueId("KEY");
        String silenceId =
                create(silencedKey, Instant.now().plusSeconds(3600)).jsonPath().getString("id");

        KafkaTestClient.send(Topics.LEDGER_EVENTS, silencedKey, TestEvents.encode(TestEvents.balance(silencedKey, 10)));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                        alerts(Map.of("keyId", silencedKey)).getList("silencedBy"))
                .containsExactly(java.util.List.of(silenceId)));
        // The webhook delivers in order, so once the later alert of another key arrives, the silenced one would have.
        KafkaTestClient.send(Topics.LEDGER_EVENTS, otherKey, TestEvents.encode(TestEvents.balance(otherKey, 10)));
        await().atMost(TIMEOUT)
                .until(() -> !WebhookReceiver.requests("/webhook", otherKey).isEmpty());

        assertThat(resender.resendNow()).isPositive();

        assertThat(WebhookReceiver.requests("/webhook", silencedKey)).isEmpty();
        assertThat(AlertmanagerApi.alertsWithLabel("keyId", silencedKey)).isEmpty();
        assertThat(AlertmanagerApi.alertsWithLabel("keyId", otherKey)).hasSize(1);
        assertThat(alerts(Map.of("keyId", silencedKey)).getString("[0].status")).isEqualTo("firing");
    }

    @Test
    void invalidSilenceIs400() {
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"key id\", \"value\": \"x\"}, {\"name\": \"keyId\", \"value\":"
                        + " \"(\", \"isRegex\": true}], \"startsAt\": \"tomorrow\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.contains(
                                "matchers/0/name", "matchers/1/value", "startsAt", "endsAt", "comment"));
    }

    @Test
    void instantOutsideRangeIs400() {
        String future = Instant.now().plusSeconds(3600).toString();
        // Each row: the field expected in the error, startsAt (null to leave it out) and endsAt.
        List<List<String>> cases = Arrays.asList(
                Arrays.asList("endsAt", null, "+999999999-01-01T00:00:00Z"),
                Arrays.asList("endsAt", null, "+300000-01-01T00:00:00Z"),
                Arrays.asList("endsAt", null, "+10000-01-01T00:00:00Z"),
                Arrays.asList("startsAt", "-999999999-01-01T00:00:00Z", future),
                Arrays.asList("startsAt", "0000-12-31T23:59:59Z", future),
                Arrays.asList("startsAt", "+10000-01-01T00:00:00Z", "+10000-01-02T00:00:00Z"));
        for (List<String> row : cases) {
            String field = row.get(0);
            String value = field.equals("startsAt") ? row.get(1) : row.get(2);
            String startsAt = row.get(1) == null ? "" : "\"startsAt\": \"" + row.get(1) + "\", ";

            given().auth()
                    .oauth2(OPERATOR_TOKEN)
                    .contentType(ContentType.JSON)
                    .body("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"X\"}], " + startsAt + "\"endsAt\": \""
                            + row.get(2) + "\", \"comment\": \"range\"}")
                    .when()
                    .post("/api/v1/silences")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItem(field))
                    .body(
                            "errors.find { it.field == '" + field + "' }.message",
                            equalTo("'" + value + "' is outside the accepted range 0001-01-01T00:00:00Z to"
                                    + " 9999-12-31T23:59:59Z"))
                    .body(
                            "errors.find { it.field == '" + field + "' }.fix",
                            equalTo("send " + field + " from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as"
                                    + " 2026-12-05T18:00:00Z"));
        }
    }

    @Test
    void lastAcceptedEndsAtReadsBack() {
        Response created = given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"" + TestEvents.uniqueId("KEY")
                        + "\"}], \"endsAt\": \"9999-12-31T23:59:59Z\", \"comment\": \"until replaced\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .extract()
                .response();
        assertThat(created.statusCode()).isEqualTo(201);

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .get("/api/v1/silences/{id}", created.jsonPath().getString("id"))
                .then()
                .statusCode(200)
                .body("endsAt", equalTo("9999-12-31T23:59:59Z"))
                .body("state", equalTo("active"));
    }

    @Test
    void keyInSilenceRejected() throws Exception {
        String body = given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"TSTGGHHHHHJJJJJKKKKK3M8PQ\"},"
                        + " {\"name\": \"TSTGGHHHHHJJJJJKKKKK3M8PQ\", \"value\": \"x\"}],"
                        + " \"endsAt\": \"tstgg-hhhhh-jjjjj-kkkkk-3m8pq\", \"comment\": \"pasted\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("matchers/0/value", "matchers/1/name", "endsAt"))
                .body(
                        "errors[0].message",
                        equalTo("contains a product key, so it was not stored: alert labels carry only key "
                                + "ids and partial keys"))
                .extract()
                .asString();

        assertThat(body.toUpperCase(java.util.Locale.ROOT).contains("HHHHHJJJJJKKKKK"))
                .as("the response repeats the key")
                .isFalse();
    }

    @Test
    void silenceCommentMasksSpelledKeys() throws SQLException {
        String pasted = "key BCDFG HJKMN PQRTV WXY23 46789 seen; also bcdfghjkmnpqrtvwxy2346789"
                + " and BCDFG\\tHJKMN\\tPQRTV\\tWXY23\\t46789 and BCDFG - HJKMN - PQRTV - WXY23 - 46789";
        String masked = "key *****-*****-*****-*****-46789 seen; also *****-*****-*****-*****-46789"
                + " and *****-*****-*****-*****-46789 and *****-*****-*****-*****-46789";

        Response created = given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"" + TestEvents.uniqueId("KEY")
                        + "\"}], \"endsAt\": \"" + Instant.now().plusSeconds(3600) + "\", \"comment\": \"" + pasted
                        + "\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .extract()
                .response();
        String id = created.jsonPath().getString("id");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getString("comment")).isEqualTo(masked);
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .when()
                .get("/api/v1/silences")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.comment", equalTo(masked));
        assertThat(storedComment(id)).isEqualTo(masked);
    }

    @Test
    void misspeltMemberIs400() {
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"KEY-B\"}], \"endsAt\": \""
                        + Instant.now().plusSeconds(60) + "\", \"coment\": \"typo\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://keyline.dev/problems/unknown-member"))
                .body("errors[0].field", equalTo("/coment"));
    }

    @Test
    void matchEverythingIs400() {
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"lineId\", \"value\": \".*\", \"isRegex\": true}], \"endsAt\": \""
                        + Instant.now().plusSeconds(60) + "\", \"comment\": \"too wide\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("matchers"))
                .body(
                        "errors[0].message",
                        equalTo("every matcher also matches alerts without the label, so the silence would match"
                                + " every alert"));
    }

    @Test
    void everyRuleMatchedIs400() {
        postSilence("{\"matchers\": [{\"name\": \"alertname\", \"value\": \".+\", \"isRegex\": true}],"
                        + " \"endsAt\": \"" + Instant.now().plusSeconds(60) + "\", \"comment\": \"too wide\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("matchers"))
                .body(
                        "errors[0].message",
                        equalTo("the matchers accept every rule with every severity, so the silence would match"
                                + " every alert"));
    }

    /** An open quote compiles alone but not inside Alertmanager's anchors; RE2 takes the rest of it literally. */
    @Test
    void openQuoteMatchesLiterally() {
        String keyId = TestEvents.uniqueId("KEY");
        String silenceId = postSilence(
                        "{\"matchers\": [{\"name\": \"alertname\", \"value\": \"key-low\"}, {\"name\": \"keyId\","
                                + " \"value\": \"\\\\Q" + keyId + "\", \"isRegex\": true}], \"endsAt\": \""
                                + Instant.now().plusSeconds(600) + "\", \"comment\": \"open quote\"}")
                .statusCode(201)
                .extract()
                .path("id");

        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 10)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("silencedBy"))
                        .containsExactly(List.of(silenceId)));
        given().auth().oauth2(AUDITOR_TOKEN).get("/api/v1/alerts").then().statusCode(200);
    }

    /** Stored behind a matcher that the create check stops at, this expression once broke every alert list. */
    @Test
    void nestedRepetitionRejected() {
        postSilence("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"KEY-B\"}, {\"name\": \"serial\", \"value\":"
                        + " \"(((((a{0,9}){0,9}){0,9}){0,9}){0,9})\", \"isRegex\": true}], \"endsAt\": \""
                        + Instant.now().plusSeconds(60) + "\", \"comment\": \"nested\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("matchers/1/value"))
                .body(
                        "errors[0].message",
                        equalTo("'(((((a{0,9}){0,9}){0,9}){0,9}){0,9})' is not a valid regular expression: its counted"
                                + " repetitions multiply to 59049 copies, more than 100"));
    }

    @Test
    void lookaheadRejected() {
        postSilence("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"(?=KEY)KEY-B\", \"isRegex\": true}],"
                        + " \"endsAt\": \"" + Instant.now().plusSeconds(60) + "\", \"comment\": \"lookahead\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("matchers/0/value"))
                .body(
                        "errors[0].fix",
                        equalTo("send an RE2 regular expression, the syntax Alertmanager uses, or set"
                                + " isRegex to false"));
    }

    @Test
    void auditorCannotSilence() {
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/silences")
                .then()
                .statusCode(403);
    }

    /** Reads the comment stored in the silence's row. */
    private static String storedComment(String silenceId) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT comment FROM silences WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(silenceId));
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("silence row %s", silenceId).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** Posts {@code body} to create a silence as the operator. */
    private static ValidatableResponse postSilence(String body) {
        return given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/silences")
                .then();
    }

    private static Response create(String keyId, Instant endsAt) {
        return given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"matchers\": [{\"name\": \"keyId\", \"value\": \"" + keyId + "\"}], \"endsAt\": \"" + endsAt
                        + "\", \"comment\": \"key is being replaced\"}")
                .when()
                .post("/api/v1/silences")
                .then()
                .extract()
                .response();
    }
}
