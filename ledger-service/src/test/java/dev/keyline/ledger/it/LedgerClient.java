package dev.keyline.ledger.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** The ledger's HTTP API as the integration tests call it, with the operator token of {@link LedgerStack}. */
public final class LedgerClient {

    private final URI url;

    public LedgerClient(URI url) {
        this.url = url;
    }

    public static LedgerClient of(LedgerProcess ledger) {
        return new LedgerClient(ledger.url());
    }

    /** Registers a key with {@code POST /api/v1/keys} and expects 201. */
    public void registerKey(String keyId, String productKey, long allotment, Instant grantedAt) {
        request()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "keyId", keyId,
                        "productKey", productKey,
                        "allotment", allotment,
                        "grantedAt", grantedAt.toString()))
                .post("/api/v1/keys")
                .then()
                .statusCode(201);
    }

    /** Returns {@code GET /api/v1/keys/{keyId}}. */
    public KeyFigures key(String keyId) {
        JsonPath key = get("/api/v1/keys/" + keyId);
        return new KeyFigures(
                key.getLong("allotment"),
                key.getLong("committed"),
                key.getLong("consumed"),
                key.getLong("available"),
                key.getLong("unattributed"),
                key.getString("state"));
    }

    /** Returns {@code GET /api/v1/keys/{keyId}/journal/verify}. */
    public ChainCheck verifyChain(String keyId) {
        JsonPath verification = get("/api/v1/keys/" + keyId + "/journal/verify");
        return new ChainCheck(
                verification.getBoolean("valid"),
                verification.getInt("entries"),
                verification.getString("chainHead"),
                verification.getString("problem"));
    }

    /** Returns {@code lineEventsBooked} of {@code GET /api/v1/status}: the event ids booked so far. */
    public long booked() {
        return get("/api/v1/status").getLong("lineEventsBooked");
    }

    /** Returns {@code deadLettered} of {@code GET /api/v1/status}. */
    public long deadLettered() {
        return get("/api/v1/status").getLong("deadLettered");
    }

    private JsonPath get(String path) {
        return request().get(path).then().statusCode(200).extract().jsonPath();
    }

    private RequestSpecification request() {
        return given().baseUri(url.toString()).auth().oauth2(LedgerStack.OPERATOR_TOKEN);
    }

    /** A key's counts and state as {@code GET /api/v1/keys/{keyId}} returns them. */
    public record KeyFigures(
            long allotment, long committed, long consumed, long available, long unattributed, String state) {}

    /** The result of a key's chain verification. */
    public record ChainCheck(boolean valid, int entries, String chainHead, String problem) {}
}
