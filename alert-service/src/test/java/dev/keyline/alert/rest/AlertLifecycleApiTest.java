package dev.keyline.alert.rest;

import static dev.keyline.alert.support.AlertsApi.AUDITOR_TOKEN;
import static dev.keyline.alert.support.AlertsApi.OPERATOR_TOKEN;
import static dev.keyline.alert.support.AlertsApi.alert;
import static dev.keyline.alert.support.AlertsApi.alerts;
import static dev.keyline.alert.support.AlertsApi.history;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operators acknowledge and resolve alerts; every change lands in the history table. */
@QuarkusTest
class AlertLifecycleApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void acknowledgeRepeatResolve() throws SQLException {
        String keyId = TestEvents.uniqueId("KEY");
        String alertId = raiseKeyLow(keyId, 10, "firing", 1);

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"comment\": \"ordering a top-up\"}")
                .when()
                .post("/api/v1/alerts/{id}/acknowledge", alertId)
                .then()
                .statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledgedBy", equalTo("operator"))
                .body("acknowledgeComment", equalTo("ordering a top-up"));

        raiseKeyLow(keyId, 9, "acknowledged", 2);

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .post("/api/v1/alerts/{id}/resolve", alertId)
                .then()
                .statusCode(200)
                .body("status", equalTo("resolved"))
                .body("resolvedBy", equalTo("operator"));

        JsonPath changes = history(alertId);
        assertThat(changes.getList("change")).containsExactly("raised", "acknowledged", "repeated", "resolved");
        assertThat(changes.getList("actor", String.class))
                .satisfies(actors -> assertThat(actors.get(0)).startsWith("event "))
                .satisfies(actors -> assertThat(actors.get(1)).isEqualTo("operator operator"))
                .satisfies(actors -> assertThat(actors.get(3)).isEqualTo("operator operator"));
        assertThat(storedChanges(alertId)).containsExactly("raised", "acknowledged", "repeated", "resolved");
        assertThat(changes.getList("comment")).containsExactly(null, "ordering a top-up", null, null);
    }

    @Test
    void acknowledgeCommentMasksKeys() throws SQLException {
        Map<String, String> cases = Map.of(
                "leaked TSTXX-AAAAA-BBBBB-CCCCC-7YZ2Q in the log",
                "leaked *****-*****-*****-*****-7YZ2Q in the log",
                "key BCDFG HJKMN PQRTV WXY23 46789 seen; also bcdfghjkmnpqrtvwxy2346789",
                "key *****-*****-*****-*****-46789 seen; also *****-*****-*****-*****-46789");

        for (Map.Entry<String, String> comment : cases.entrySet()) {
            String alertId = raiseKeyLow(TestEvents.uniqueId("KEY"), 10, "firing", 1);
            String masked = comment.getValue();

            given().auth()
                    .oauth2(OPERATOR_TOKEN)
                    .contentType(ContentType.JSON)
                    .body("{\"comment\": \"" + comment.getKey() + "\"}")
                    .when()
                    .post("/api/v1/alerts/{id}/acknowledge", alertId)
                    .then()
                    .statusCode(200)
                    .body("acknowledgeComment", equalTo(masked));

            assertThat(alert(alertId).getString("acknowledgeComment")).isEqualTo(masked);
            assertThat(storedComment(alertId)).isEqualTo(masked);
            assertThat(history(alertId).getList("comment")).containsExactly(null, masked);
        }
    }

    @Test
    void resolvedAlertRejectsActions() {
        String keyId = TestEvents.uniqueId("KEY");
        String alertId = raiseKeyLow(keyId, 10, "firing", 1);
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .post("/api/v1/alerts/{id}/resolve", alertId)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .post("/api/v1/alerts/{id}/acknowledge", alertId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Alert status does not allow this"))
                .body("detail", startsWith("the alert is resolved, so there is nothing to acknowledge"));
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .post("/api/v1/alerts/{id}/resolve", alertId)
                .then()
                .statusCode(409)
                .body("detail", startsWith("the alert was already resolved by operator at "));
    }

    @Test
    void resolveWithBodyRejected() {
        String alertId = raiseKeyLow(TestEvents.uniqueId("KEY"), 10, "firing", 1);

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType("application/json")
                .body("{\"comment\": \"fixed by hand\"}")
                .when()
                .post("/api/v1/alerts/{id}/resolve", alertId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("resolve takes no body, so its content would be lost"));

        assertThat(alert(alertId).getString("status")).isEqualTo("firing");
    }

    @Test
    void conditionRefiresResolvedAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        String alertId = raiseKeyLow(keyId, 10, "firing", 1);
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .post("/api/v1/alerts/{id}/resolve", alertId)
                .then()
                .statusCode(200);

        raiseKeyLow(keyId, 8, "firing", 2);

        JsonPath body = alert(alertId);
        assertThat(body.getString("resolvedBy")).isNull();
        assertThat(body.getString("resolvedAt")).isNull();
        assertThat(history(alertId).getList("change")).containsExactly("raised", "resolved", "refired");
    }

    @Test
    void auditorCannotAcknowledge() {
        given().auth()
                .oauth2(AUDITOR_TOKEN)
                .when()
                .post("/api/v1/alerts/{id}/acknowledge", UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void unknownAlertIs404() {
        UUID id = UUID.randomUUID();

        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .post("/api/v1/alerts/{id}/acknowledge", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("alert '" + id + "' was not found"));
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .get("/api/v1/alerts/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    void misspeltCommentIs400() {
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .contentType("application/json")
                .body("{\"coment\": \"ordering a top-up\"}")
                .when()
                .post("/api/v1/alerts/{id}/acknowledge", UUID.randomUUID())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("coment"))
                .body("errors[0].message", equalTo("is not a member of this request"));
    }

    @Test
    void ambiguousOrUnstorableCommentIs400() {
        for (String body : List.of("{\"comment\": \"a\", \"comment\": \"b\"}", "{\"comment\": \"R\\ud800\"}")) {
            given().auth()
                    .oauth2(OPERATOR_TOKEN)
                    .contentType("application/json")
                    .body(body)
                    .when()
                    .post("/api/v1/alerts/{id}/acknowledge", UUID.randomUUID())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void malformedIdIs400() {
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .when()
                .get("/api/v1/alerts/{id}/history", "not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", equalTo("'not-a-uuid' is not a valid id"));
    }

    /** Publishes a key-low balance and waits until the key's one alert has the status and occurrences. */
    private static String raiseKeyLow(String keyId, long available, String status, long occurrences) {
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, available)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath body = alerts(Map.of("keyId", keyId));
            assertThat(body.getList("status")).containsExactly(status);
            assertThat(body.getLong("[0].occurrences")).isEqualTo(occurrences);
        });
        return alerts(Map.of("keyId", keyId)).getString("[0].id");
    }

    /** Reads the acknowledge comment stored in the alert's row. */
    private static String storedComment(String alertId) throws SQLException {
        List<String> comments = column("SELECT acknowledge_comment FROM alerts WHERE id = ?", alertId);
        assertThat(comments).as("alert row %s", alertId).hasSize(1);
        return comments.get(0);
    }

    /** Reads the alert's changes from the alert_history table, where they outlive a restart. */
    private static List<String> storedChanges(String alertId) throws SQLException {
        return column("SELECT change FROM alert_history WHERE alert_id = ? ORDER BY id", alertId);
    }

    /** Returns the first column of every row that {@code sql} selects for the alert id. */
    private static List<String> column(String sql, String alertId) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(alertId));
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
