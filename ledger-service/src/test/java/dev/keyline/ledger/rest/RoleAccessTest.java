package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every role: operators write and read, auditors only read, stations and strangers nothing.
 * The calls list each operation of the OpenAPI document, and each CSV variant too, and a test checks that the
 * document has no operation this list lacks.
 */
@QuarkusTest
class RoleAccessTest {

    private static final String STATION = "station-line-1-imaging-01-test-token";
    private static final String CSV = "text/csv";
    private static final String JSON = "application/json";

    /**
     * One request: the operation as the OpenAPI document names it, the concrete path, the media type and body it
     * sends (or null), and the media type of its Accept header.
     */
    private record Call(String method, String template, String path, String contentType, String body, String accept) {

        static Call get(String template, String path, String accept) {
            return new Call("GET", template, path, null, null, accept);
        }

        static Call post(String template, String path, String contentType, String body) {
            return new Call("POST", template, path, contentType, body, JSON);
        }

        String operation() {
            return method + " " + template;
        }

        String name() {
            return method + " " + path + " (" + accept + ")";
        }
    }

    private static final List<Call> READS = List.of(
            Call.get("/api/v1/keys", "/api/v1/keys", JSON),
            Call.get("/api/v1/keys", "/api/v1/keys", CSV),
            Call.get("/api/v1/keys/{keyId}", "/api/v1/keys/ROLE-1", JSON),
            Call.get("/api/v1/keys/{keyId}/balance", "/api/v1/keys/ROLE-1/balance", JSON),
            Call.get("/api/v1/keys/{keyId}/balance", "/api/v1/keys/ROLE-1/balance", CSV),
            Call.get("/api/v1/keys/{keyId}/journal", "/api/v1/keys/ROLE-1/journal", JSON),
            Call.get("/api/v1/keys/{keyId}/journal", "/api/v1/keys/ROLE-1/journal", CSV),
            Call.get("/api/v1/keys/{keyId}/journal/verify", "/api/v1/keys/ROLE-1/journal/verify", JSON),
            Call.get("/api/v1/keys/{keyId}/forecast", "/api/v1/keys/ROLE-1/forecast", JSON),
            Call.get("/api/v1/reconciliation", "/api/v1/reconciliation", JSON),
            Call.get("/api/v1/reconciliation", "/api/v1/reconciliation", CSV),
            Call.get("/api/v1/devices", "/api/v1/devices", JSON),
            Call.get("/api/v1/devices/{serial}", "/api/v1/devices/ROLE-DEV-1", JSON),
            Call.get("/api/v1/devices/{serial}", "/api/v1/devices/ROLE-DEV-1", CSV),
            Call.get("/api/v1/devices/{serial}/history", "/api/v1/devices/ROLE-DEV-1/history", JSON),
            Call.get("/api/v1/devices/{serial}/history", "/api/v1/devices/ROLE-DEV-1/history", CSV),
            Call.get("/api/v1/status", "/api/v1/status", JSON));

    private static final List<Call> WRITES = List.of(
            Call.post(
                    "/api/v1/keys",
                    "/api/v1/keys",
                    JSON,
                    "{\"keyId\":\"ROLE-X\",\"productKey\":\"ROLET-AAAAA-BBBBB-CCCCC-R0LEX\",\"allotment\":5}"),
            Call.post("/api/v1/keys/{keyId}/top-ups", "/api/v1/keys/ROLE-1/top-ups", JSON, "{\"activations\":1}"),
            Call.post(
                    "/api/v1/keys/{keyId}/unblock",
                    "/api/v1/keys/ROLE-B/unblock",
                    JSON,
                    "{\"reference\":\"MS-CASE-1\"}"),
            Call.post("/api/v1/keys/{keyId}/retire", "/api/v1/keys/ROLE-R/retire", JSON, null),
            Call.post(
                    "/api/v1/imports/microsoft-readings",
                    "/api/v1/imports/microsoft-readings?readAt=2026-12-01T00:00:00Z",
                    CSV,
                    "keyId,remainingActivations\nROLE-1,5\n"),
            Call.post(
                    "/api/v1/imports/microsoft-readings",
                    "/api/v1/imports/microsoft-readings?readAt=2026-12-02T00:00:00Z",
                    "application/xml",
                    "<VolumeActivationManagementToolData><SoftwareLicensingData><ProductKeys><ProductKey>"
                            + "<PartialProductKey>R0LE1</PartialProductKey><RemainingActivations>4"
                            + "</RemainingActivations></ProductKey></ProductKeys></SoftwareLicensingData>"
                            + "</VolumeActivationManagementToolData>"),
            Call.post(
                    "/api/v1/devices/{serial}/scrap",
                    "/api/v1/devices/ROLE-DEV-2/scrap",
                    JSON,
                    "{\"reason\":\"dropped at QA\"}"));

    private static boolean prepared;

    // RestAssured learns the test port only when the first test instance exists, so this cannot be @BeforeAll.
    @BeforeEach
    void prepareOnce() {
        if (prepared) {
            return;
        }
        LedgerApi.registerKey("ROLE-1", "ROLET-DDDDD-EEEEE-FFFFF-R0LE1", 5);
        LedgerApi.registerKey("ROLE-R", "ROLET-GGGGG-HHHHH-JJJJJ-R0LER", 5);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "ROLE-1",
                json(provisioned("ROLE-DEV-1", "ROLE-1", "R0LE1")),
                json(provisioned("ROLE-DEV-2", "ROLE-1", "R0LE1")));
        LedgerApi.registerKey("ROLE-B", "ROLET-KKKKK-MMMMM-NNNNN-R0LEB", 5);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS, "ROLE-B", json(activation("ROLE-DEV-3", "ROLE-B", "R0LEB", "0xC004C003")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("ROLE-1").getLong("committed") == 2
                        && "blocked".equals(LedgerApi.key("ROLE-B").getString("state")));
        prepared = true;
    }

    private static Response send(Call call, String token) {
        RequestSpecification request = given().accept(call.accept());
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (call.body() != null) {
            request = request.contentType(call.contentType()).body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    @Test
    void listCoversEveryOperation() {
        Map<String, Map<String, Object>> paths = given().accept(JSON)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) ->
                operations.keySet().forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> tested = new TreeSet<>();
        Stream.concat(READS.stream(), WRITES.stream()).forEach(call -> tested.add(call.operation()));

        assertThat(tested).isEqualTo(documented);
    }

    @Test
    void openApiDefinesBearerScheme() {
        JsonPath document = given().accept(JSON)
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(document.getString("components.securitySchemes.SecurityScheme.type"))
                .isEqualTo("http");
        assertThat(document.getString("components.securitySchemes.SecurityScheme.scheme"))
                .isEqualTo("bearer");
        assertThat(document.getList("paths.'/api/v1/keys'.get.security.SecurityScheme"))
                .as("the scheme the operations name")
                .hasSize(1);
        assertThat(document.getMap("paths.'/api/v1/keys'.post.responses"))
                .containsOnlyKeys("201", "400", "401", "403", "409");
    }

    @Test
    void readsAllowOperatorAndAuditorOnly() {
        for (Call call : READS) {
            assertThat(send(call, LedgerApi.OPERATOR).statusCode())
                    .as("operator " + call.name())
                    .isEqualTo(200);
            assertThat(send(call, LedgerApi.AUDITOR).statusCode())
                    .as("auditor " + call.name())
                    .isEqualTo(200);
            assertRefusedToOthers(call);
        }
    }

    @Test
    void readsUseRequestedType() {
        for (Call call : READS) {
            assertThat(send(call, LedgerApi.AUDITOR).contentType())
                    .as("auditor " + call.name())
                    .startsWith(call.accept());
        }
    }

    @Test
    void writesAllowOperatorOnly() {
        for (Call call : WRITES) {
            assertThat(send(call, LedgerApi.AUDITOR).statusCode())
                    .as("auditor " + call.name())
                    .isEqualTo(403);
            assertRefusedToOthers(call);
            assertThat(send(call, LedgerApi.OPERATOR).statusCode())
                    .as("operator " + call.name())
                    .isIn(200, 201);
        }
    }

    /** Checks that a station gets 403 and a request with an unknown token or none 401. */
    private static void assertRefusedToOthers(Call call) {
        assertThat(send(call, STATION).statusCode())
                .as("station " + call.name())
                .isEqualTo(403);
        assertThat(send(call, "not-a-token").statusCode())
                .as("unknown token " + call.name())
                .isEqualTo(401);
        assertThat(send(call, null).statusCode()).as("no token " + call.name()).isEqualTo(401);
    }

    @Test
    void refusalsAreProblems() {
        Call read = READS.get(0);
        Call write = WRITES.get(1);

        assertThat(send(read, STATION).contentType()).startsWith("application/problem+json");
        assertThat(send(read, null).contentType()).startsWith("application/problem+json");
        assertThat(send(write, LedgerApi.AUDITOR).contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusalNamesAllowedRoles() {
        String readDetail = send(READS.get(0), STATION).jsonPath().getString("detail");
        String writeDetail = send(WRITES.get(1), LedgerApi.AUDITOR).jsonPath().getString("detail");

        assertThat(readDetail)
                .isEqualTo("this token's role may not call this endpoint, which takes a token with the role operator"
                        + " or auditor; use such a token");
        assertThat(writeDetail)
                .isEqualTo("this token's role may not call this endpoint, which takes a token with the role"
                        + " operator; use such a token");
    }

    /** Which of two tokens a request acts with is left open, so it gets 401 in either order. */
    @Test
    void twoAuthorizationHeadersRefused() {
        for (List<String> tokens : List.of(List.of(STATION, LedgerApi.AUDITOR), List.of(LedgerApi.AUDITOR, STATION))) {
            Response response = given().header("Authorization", "Bearer " + tokens.get(0))
                    .header("Authorization", "Bearer " + tokens.get(1))
                    .get("/api/v1/keys");

            assertThat(response.statusCode())
                    .as(tokens.get(0).equals(STATION) ? "station first" : "auditor first")
                    .isEqualTo(401);
            assertThat(response.jsonPath().getString("detail"))
                    .isEqualTo("a valid bearer token is required; send one 'Authorization: Bearer <token>' header"
                            + " with a token configured for this service");
        }
    }
}
