package dev.keyline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The endpoints of docs/API.md that the launcher calls, with the tokens of the local stack. */
public final class KeylineApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FIRING = "firing";

    private final HttpJson http;
    private final URI stationUrl;
    private final URI ledgerUrl;
    private final URI alertUrl;
    private final AccessTokens tokens;

    public KeylineApi(HttpJson http, URI stationUrl, URI ledgerUrl, URI alertUrl, AccessTokens tokens) {
        this.http = http;
        this.stationUrl = stationUrl;
        this.ledgerUrl = ledgerUrl;
        this.alertUrl = alertUrl;
        this.tokens = tokens;
    }

    /** Sends {@code POST /api/v1/keys} with the operator token; 201 means registered, 409 already registered. */
    public HttpJson.Response registerKey(ScenarioStep.RegisterKey key) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("keyId", key.keyId())
                .put("productKey", key.productKey())
                .put("allotment", key.allotment());
        if (key.grantedAt() != null) {
            body.put("grantedAt", key.grantedAt().toString());
        }
        return http.post(ledgerUrl.resolve("/api/v1/keys"), tokens.operatorToken(), body);
    }

    /** Posts a station report with its station's token; 202 means accepted. */
    public HttpJson.Response postReport(ScenarioStep.StationReport report) {
        String token = tokens.stationToken(report.principal())
                .orElseThrow(() -> new IllegalStateException("no token generated for station " + report.principal()));
        return http.post(stationUrl.resolve(report.path()), token, report.body());
    }

    /** Posts a station artifact as text with its station's token; 202 means accepted. */
    public HttpJson.Response postArtifact(ScenarioStep.StationArtifact artifact) {
        String token = tokens.stationToken(artifact.principal())
                .orElseThrow(() -> new IllegalStateException("no token generated for station " + artifact.principal()));
        return http.postText(
                stationUrl.resolve(artifact.target()), token, artifact.kind().mediaType(), artifact.content());
    }

    public LedgerStatus ledgerStatus() {
        JsonNode status = http.getOk(ledgerUrl.resolve("/api/v1/status"), tokens.auditorToken());
        return new LedgerStatus(
                Json.requiredLong(status, "lineEventsBooked", "ledger status"),
                Json.requiredLong(status, "ledgerEventsPublished", "ledger status"),
                Json.requiredLong(status, "deadLettered", "ledger status"));
    }

    public AlertStatus alertStatus() {
        JsonNode status = http.getOk(alertUrl.resolve("/api/v1/status"), tokens.auditorToken());
        return new AlertStatus(
                Json.requiredLong(status, "lineEventsProcessed", "alert status"),
                Json.requiredLong(status, "ledgerEventsProcessed", "alert status"));
    }

    /** Returns every key's balance from {@code GET /api/v1/keys}, in the ledger's order. */
    public List<KeyBalance> keyBalances() {
        JsonNode keys = http.getOk(ledgerUrl.resolve("/api/v1/keys"), tokens.auditorToken());
        if (!keys.isArray()) {
            throw new ServiceCallException("GET " + ledgerUrl.resolve("/api/v1/keys") + " did not return a JSON array");
        }
        List<KeyBalance> balances = new ArrayList<>();
        for (JsonNode key : keys) {
            String what = "key balance";
            balances.add(new KeyBalance(
                    Json.requiredText(key, "keyId", what),
                    Json.requiredLong(key, "allotment", what),
                    Json.requiredLong(key, "committed", what),
                    Json.requiredLong(key, "consumed", what),
                    Json.requiredLong(key, "available", what)));
        }
        return balances;
    }

    /** Returns the ledger's device count, the {@code total} of {@code GET /api/v1/devices}. */
    public long deviceTotal() {
        JsonNode page = http.getOk(ledgerUrl.resolve("/api/v1/devices?page=0&size=1"), tokens.auditorToken());
        return Json.requiredLong(page, "total", "device page");
    }

    /** Returns the alerts whose status is {@code firing}, newest first. */
    public List<JsonNode> firingAlerts() {
        JsonNode alerts = http.getOk(alertUrl.resolve("/api/v1/alerts?status=firing"), tokens.auditorToken());
        if (!alerts.isArray()) {
            throw new ServiceCallException(
                    "GET " + alertUrl.resolve("/api/v1/alerts?status=firing") + " did not return a JSON array");
        }
        List<JsonNode> firing = new ArrayList<>();
        for (JsonNode alert : alerts) {
            if (FIRING.equals(alert.path("status").asText())) {
                firing.add(alert);
            }
        }
        return firing;
    }
}
