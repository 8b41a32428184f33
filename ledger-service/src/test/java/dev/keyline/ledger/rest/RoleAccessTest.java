package dev.keyline.ledger.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.ledger.LedgerApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint against every role: operators write and read, auditors only read, stations and strangers nothing. */
@QuarkusTest
class RoleAccessTest {

    private static final String STATION = "station-line-1-imaging-01-test-token";

    private record Call(String method, String path, String body) {}

    private static final List<Call> READS = List.of(
            new Call("GET", "/api/v1/keys", null),
            new Call("GET", "/api/v1/keys/ROLE-1", null),
            new Call("GET", "/api/v1/keys/ROLE-1/balance", null),
            new Call("GET", "/api/v1/keys/ROLE-1/journal", null),
            new Call("GET", "/api/v1/keys/ROLE-1/journal/verify", null),
            new Call("GET", "/api/v1/keys/ROLE-1/forecast", null),
            new Call("GET", "/api/v1/reconciliation", null),
            new Call("GET", "/api/v1/devices", null),
            new Call("GET", "/api/v1/status", null));

    private static final List<Call> WRITES = List.of(
            new Call(
                    "POST",
                    "/api/v1/keys",
                    "{\"keyId\":\"ROLE-X\",\"productKey\":\"ROLET-AAAAA-BBBBB-CCCCC-R0LEX\"," + "\"allotment\":5}"),
            new Call("POST", "/api/v1/keys/ROLE-1/top-ups", "{\"activations\":1}"),
            new Call("POST", "/api/v1/imports/microsoft-readings?readAt=2026-12-01T00:00:00Z", "csv"));

    private static boolean registered;

    // RestAssured learns the test port only when the first test instance exists, so this cannot be @BeforeAll.
    @BeforeEach
    void registerKeyOnce() {
        if (!registered) {
            LedgerApi.registerKey("ROLE-1", "ROLET-DDDDD-EEEEE-FFFFF-R0LE1", 5);
            registered = true;
        }
    }

    private static int status(Call call, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if ("csv".equals(call.body())) {
            request = request.contentType("text/csv").body("keyId,remainingActivations\nROLE-1,5\n");
        } else if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.request(call.method(), call.path()).statusCode();
    }

    @Test
    void readsAllowOperatorAndAuditorOnly() {
        for (Call call : READS) {
            assertThat(status(call, LedgerApi.OPERATOR))
                    .as("operator " + call.path())
                    .isEqualTo(200);
            assertThat(status(call, LedgerApi.AUDITOR))
                    .as("auditor " + call.path())
                    .isEqualTo(200);
            assertThat(status(call, STATION)).as("station " + call.path()).isEqualTo(403);
            assertThat(status(call, null)).as("no token " + call.path()).isEqualTo(401);
        }
    }

    @Test
    void writesAllowOperatorOnly() {
        for (Call call : WRITES) {
            assertThat(status(call, LedgerApi.AUDITOR))
                    .as("auditor " + call.path())
                    .isEqualTo(403);
            assertThat(status(call, STATION)).as("station " + call.path()).isEqualTo(403);
            assertThat(status(call, null)).as("no token " + call.path()).isEqualTo(401);
            assertThat(status(call, LedgerApi.OPERATOR))
                    .as("operator " + call.path())
                    .isIn(200, 201);
        }
    }
}
