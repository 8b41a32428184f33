package dev.keyline.ledger.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.ledger.CsvTable;
import dev.keyline.ledger.LedgerApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyExportTest {

    /** Each CSV column of GET /api/v1/keys with the JSON field it carries, in the JSON's order. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("key_id", "keyId");
        COLUMNS.put("partial_key", "partialKey");
        COLUMNS.put("fingerprint", "fingerprint");
        COLUMNS.put("allotment", "allotment");
        COLUMNS.put("committed", "committed");
        COLUMNS.put("consumed", "consumed");
        COLUMNS.put("available", "available");
        COLUMNS.put("unattributed", "unattributed");
        COLUMNS.put("state", "state");
        COLUMNS.put("state_reason", "stateReason");
        COLUMNS.put("reported_remaining", "reportedRemaining");
        COLUMNS.put("reported_used", "reportedUsed");
        COLUMNS.put("unexplained", "unexplained");
        COLUMNS.put("reported_at", "reportedAt");
        COLUMNS.put("registered_at", "registeredAt");
    }

    @Test
    void keysCsvMatchesJsonOfSameRequest() {
        LedgerApi.registerKey("EXP-1", "EXPRT-AAAAA-BBBBB-CCCCC-EXP01", 20);
        LedgerApi.registerKey("EXP-2", "EXPRT-DDDDD-EEEEE-FFFFF-EXP02", 30);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/csv")
                .queryParam("readAt", "2026-11-30T00:00:00Z")
                .body("keyId,remainingActivations\nEXP-1,17\n")
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keys/EXP-2/retire")
                .then()
                .statusCode(200);

        JsonPath json = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        CsvTable table = CsvTable.parse(csv);

        assertThat(table.header()).containsExactlyElementsOf(COLUMNS.keySet());
        List<String> jsonKeyIds = json.getList("keyId");
        assertThat(table.rows().stream().map(row -> row.get("key_id")).toList()).containsExactlyElementsOf(jsonKeyIds);

        Map<String, String> withReading = table.row("key_id", "EXP-1");
        assertThat(withReading.get("partial_key")).isEqualTo("EXP01");
        assertThat(withReading.get("fingerprint")).hasSize(64);
        assertThat(withReading.get("allotment")).isEqualTo("20");
        assertThat(withReading.get("available")).isEqualTo("20");
        assertThat(withReading.get("state")).isEqualTo("active");
        assertThat(withReading.get("state_reason")).isEmpty();
        assertThat(withReading.get("reported_remaining")).isEqualTo("17");
        assertThat(withReading.get("reported_used")).isEqualTo("3");
        assertThat(withReading.get("unexplained")).isEqualTo("3");
        assertThat(withReading.get("reported_at")).isEqualTo("2026-11-30T00:00:00Z");

        Map<String, String> retired = table.row("key_id", "EXP-2");
        assertThat(retired.get("state")).isEqualTo("retired");
        assertThat(retired.get("state_reason")).isEqualTo("retired by an operator");
        assertThat(retired.get("reported_remaining")).isEmpty();
        assertThat(retired.get("reported_used")).isEmpty();
        assertThat(retired.get("unexplained")).isEmpty();
        assertThat(retired.get("reported_at")).isEmpty();

        for (String keyId : List.of("EXP-1", "EXP-2")) {
            Map<String, Object> jsonKey = json.getMap("find { it.keyId == '" + keyId + "' }");
            Map<String, String> csvRow = table.row("key_id", keyId);
            assertThat(jsonKey.keySet()).containsExactlyElementsOf(COLUMNS.values());
            for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
                assertThat(csvRow.get(column.getKey()))
                        .as("%s: CSV column %s against JSON field %s", keyId, column.getKey(), column.getValue())
                        .isEqualTo(text(jsonKey.get(column.getValue())));
            }
        }
    }

    private static String text(Object jsonValue) {
        return jsonValue == null ? "" : jsonValue.toString();
    }
}
