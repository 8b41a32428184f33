package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.CsvTable;
import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.ledger.TestEvents;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.LineEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportApiTest {

    /** Each CSV column of a reconciliation row with the JSON field it carries. */
    private static final Map<String, String> ROW_COLUMNS = Map.ofEntries(
            Map.entry("day", "day"),
            Map.entry("from", "from"),
            Map.entry("to", "to"),
            Map.entry("key_id", "keyId"),
            Map.entry("line_id", "lineId"),
            Map.entry("devices_provisioned", "devicesProvisioned"),
            Map.entry("activations_consumed", "activationsConsumed"),
            Map.entry("reactivations", "reactivations"),
            Map.entry("repeats", "repeats"),
            Map.entry("failures", "failures"),
            Map.entry("unattributed", "unattributed"));

    @Test
    void reconciliationCountsPerKeyLineAndDay() {
        LedgerApi.registerKey("RECO-1", "RECON-AAAAA-BBBBB-CCCCC-REC01", 10);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "RECO-1",
                json(provisioned("C1-1", "RECO-1", "REC01")),
                json(provisioned("C1-2", "RECO-1", "REC01")),
                json(provisioned("C1-3", "RECO-1", "REC01")),
                json(activation("C1-1", "RECO-1", "REC01", "success")),
                json(activation("C1-2", "RECO-1", "REC01", "0xC004F074")),
                json(activation("C1-2", "RECO-1", "REC01", "success")),
                json(activation("C1-1", "RECO-1", "REC01", "success")),
                json(activation("C1-404", "RECO-1", "REC01", "success")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("RECO-1").getLong("unattributed") == 1);

        JsonPath report = reconciliation("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z");
        List<Map<String, Object>> rows = report.getList("rows.findAll { it.keyId == 'RECO-1' }");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("day")).isEqualTo("2026-11-02");
        assertThat(row.get("from")).isEqualTo("2026-11-02T00:00:00Z");
        assertThat(row.get("to")).isEqualTo("2026-11-03T00:00:00Z");
        assertThat(row.get("lineId")).isEqualTo("line-1");
        assertThat(row.get("devicesProvisioned")).isEqualTo(3);
        assertThat(row.get("activationsConsumed")).isEqualTo(2);
        assertThat(row.get("repeats")).isEqualTo(1);
        assertThat(row.get("failures")).isEqualTo(1);
        assertThat(row.get("unattributed")).isEqualTo(1);
        assertThat(row.get("reactivations")).isEqualTo(0);

        List<Map<String, Object>> balances = report.getList("currentBalances.findAll { it.keyId == 'RECO-1' }");
        assertThat(balances).hasSize(1);
        assertThat(balances.get(0)).isEqualTo(LedgerApi.key("RECO-1").getMap(""));
        assertThat(report.getMap("")).doesNotContainKey("keys");
    }

    @Test
    void reconciliationCsvMatchesJsonOfSameRequest() {
        LedgerApi.registerKey("RECO-2", "RECON-DDDDD-EEEEE-FFFFF-REC02", 10);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "RECO-2",
                json(provisioned("C2-1", "RECO-2", "REC02")),
                json(provisioned("C2-2", "RECO-2", "REC02")),
                json(activation("C2-1", "RECO-2", "REC02", "success")),
                json(activation("C2-2", "RECO-2", "REC02", "0xC004F074")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("RECO-2").getLong("consumed") == 1
                        && LedgerApi.device("C2-2").getInt("activationAttempts") == 1);

        // One hour of the day: the row is labelled with its day, and its from and to name the hour it counts.
        JsonPath report = reconciliation("2026-11-02T06:00:00Z", "2026-11-02T07:00:00Z");
        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .queryParam("from", "2026-11-02T06:00:00Z")
                .queryParam("to", "2026-11-02T07:00:00Z")
                .get("/api/v1/reconciliation")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();

        CsvTable table = CsvTable.parse(csv);
        assertThat(String.join(",", table.header()))
                .isEqualTo("day,from,to,key_id,line_id,devices_provisioned,activations_consumed,reactivations,"
                        + "repeats,failures,unattributed");
        Map<String, String> csvRow = table.row("key_id", "RECO-2");
        assertThat(csvRow.get("day")).isEqualTo("2026-11-02");
        assertThat(csvRow.get("from")).isEqualTo("2026-11-02T06:00:00Z");
        assertThat(csvRow.get("to")).isEqualTo("2026-11-02T07:00:00Z");
        assertThat(csvRow.get("line_id")).isEqualTo("line-1");
        assertThat(csvRow.get("devices_provisioned")).isEqualTo("2");
        assertThat(csvRow.get("activations_consumed")).isEqualTo("1");
        assertThat(csvRow.get("reactivations")).isEqualTo("0");
        assertThat(csvRow.get("repeats")).isEqualTo("0");
        assertThat(csvRow.get("failures")).isEqualTo("1");
        assertThat(csvRow.get("unattributed")).isEqualTo("0");

        List<Map<String, Object>> jsonRows = report.getList("rows.findAll { it.keyId == 'RECO-2' }");
        assertThat(jsonRows).hasSize(1);
        assertThat(table.header()).containsExactlyInAnyOrderElementsOf(ROW_COLUMNS.keySet());
        for (Map.Entry<String, String> column : ROW_COLUMNS.entrySet()) {
            assertThat(csvRow.get(column.getKey()))
                    .as("CSV column %s against JSON field %s", column.getKey(), column.getValue())
                    .isEqualTo(text(jsonRows.get(0).get(column.getValue())));
        }
        assertThat(jsonRows.get(0)).hasSize(ROW_COLUMNS.size());
    }

    @Test
    void reconciliationLeavesOutRowsOfZeros() {
        LedgerApi.registerKey("RECO-4", "RECON-GGGGG-HHHHH-JJJJJ-REC04", 10);
        CloudEvent<LineEvent> step = CloudEvent.create(
                CloudEvent.lineSource("line-7", "clearing-01"),
                "C4-1",
                Instant.parse("2026-11-04T06:00:00Z"),
                new DeviceStepCompleted("C4-1", "line-7", "clearing-01", "key-cleared", "RECO-4", "REC04"));
        CloudEvent<LineEvent> provisioning =
                TestEvents.at(Instant.parse("2026-11-04T06:30:00Z"), provisioned("C4-2", "RECO-4", "REC04"));
        // One partition, so the step is booked once the provisioning's commitment shows.
        KafkaTestClient.produce(Topics.LINE_EVENTS, "RECO-4", json(step), json(provisioning));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("RECO-4").getLong("committed") == 1);

        JsonPath report = reconciliation("2026-11-04T00:00:00Z", "2026-11-05T00:00:00Z");

        assertThat(report.getList("rows.findAll { it.lineId == 'line-7' }")).isEmpty();
        assertThat(report.getList("rows.findAll { it.keyId == 'RECO-4' }.devicesProvisioned"))
                .containsExactly(1);
    }

    @Test
    void reconciliationRejectsFromAfterTo() {
        for (String mediaType : List.of("application/json", "text/csv")) {
            JsonPath problem = given().auth()
                    .oauth2(LedgerApi.AUDITOR)
                    .accept(mediaType)
                    .queryParam("from", "2026-11-03T00:00:00Z")
                    .queryParam("to", "2026-11-02T00:00:00Z")
                    .get("/api/v1/reconciliation")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract()
                    .jsonPath();

            assertThat(problem.getString("errors[0].field")).as(mediaType).isEqualTo("from");
            assertThat(problem.getString("errors[0].message"))
                    .as(mediaType)
                    .isEqualTo("is 2026-11-03T00:00:00Z, after to 2026-11-02T00:00:00Z");
            assertThat(problem.getString("errors[0].fix"))
                    .as(mediaType)
                    .isEqualTo("send a from that is at or before to, or leave one out");
        }
    }

    @Test
    void forecastUsesWindowOfJournal() {
        LedgerApi.registerKey("FCST-1", "FRCST-AAAAA-BBBBB-CCCCC-FCST1", 30, "2026-11-01T00:00:00Z");
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "FCST-1",
                json(provisioned("F1-1", "FCST-1", "FCST1")),
                json(provisioned("F1-2", "FCST-1", "FCST1")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("FCST-1").getLong("committed") == 2);

        JsonPath forecast = forecast("FCST-1", "2026-11-08T06:00:00Z");
        // Two commitments in the 14-day window: 1/7 per day, so 28 available last 196 days.
        assertThat(forecast.getString("state")).isEqualTo("active");
        assertThat(forecast.getString("window")).isEqualTo("P14D");
        assertThat(forecast.getString("reorderLeadTime")).isEqualTo("P30D");
        assertThat(forecast.getLong("usedInWindow")).isEqualTo(2);
        assertThat(forecast.getDouble("usedPerDay")).isEqualTo(2 / 14.0);
        assertThat(forecast.getLong("available")).isEqualTo(28);
        assertThat(forecast.getDouble("daysLeft")).isEqualTo(196.0);
        assertThat(forecast.getString("depletionDate")).isEqualTo("2027-05-23T06:00:00Z");
        assertThat(forecast.getBoolean("reorderNow")).isFalse();
    }

    @Test
    void forecastBeforeRegistrationIsRejected() {
        LedgerApi.registerKey("FCST-2", "FRCST-DDDDD-EEEEE-FFFFF-FCST2", 30, "2026-11-01T00:00:00Z");

        JsonPath problem = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", "2026-10-31T23:59:59Z")
                .get("/api/v1/keys/FCST-2/forecast")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(problem.getString("errors[0].field")).isEqualTo("at");
        assertThat(problem.getString("errors[0].message"))
                .isEqualTo("is 2026-10-31T23:59:59Z, before key FCST-2 was registered: its journal starts at"
                        + " 2026-11-01T00:00:00Z");
        assertThat(problem.getString("errors[0].fix"))
                .isEqualTo("send an at that is at or after 2026-11-01T00:00:00Z, or leave it out for now");

        JsonPath atRegistration = forecast("FCST-2", "2026-11-01T00:00:00Z");
        assertThat(atRegistration.getString("state")).isEqualTo("active");
        assertThat(atRegistration.getLong("available")).isEqualTo(30);
        assertThat(atRegistration.getLong("usedInWindow")).isEqualTo(0);
        assertThat(atRegistration.getString("daysLeft")).isNull();
    }

    @Test
    void forecastOfRetiredKeyHasNoDaysLeft() {
        LedgerApi.registerKey("FCST-3", "FRCST-GGGGG-HHHHH-JJJJJ-FCST3", 30, "2026-11-01T00:00:00Z");
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "FCST-3",
                json(provisioned("F3-1", "FCST-3", "FCST3")),
                json(provisioned("F3-2", "FCST-3", "FCST3")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("FCST-3").getLong("committed") == 2);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .post("/api/v1/keys/FCST-3/retire")
                .then()
                .statusCode(200);

        JsonPath forecast = forecast("FCST-3", "2026-11-08T06:00:00Z");
        assertThat(forecast.getString("state")).isEqualTo("retired");
        assertThat(forecast.getLong("usedInWindow")).isEqualTo(2);
        assertThat(forecast.getLong("available")).isEqualTo(28);
        assertThat(forecast.getString("daysLeft")).isNull();
        assertThat(forecast.getString("depletionDate")).isNull();
        assertThat(forecast.getBoolean("reorderNow")).isFalse();
    }

    @Test
    void forecastOfExhaustedKeyAsksForReorder() {
        LedgerApi.registerKey("FCST-4", "FRCST-KKKKK-LLLLL-MMMMM-FCST4", 30, "2026-11-01T00:00:00Z");
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "FCST-4",
                json(provisioned("F4-1", "FCST-4", "FCST4")),
                json(activation("F4-1", "FCST-4", "FCST4", "0xC004C020")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "exhausted".equals(LedgerApi.key("FCST-4").getString("state")));

        JsonPath forecast = forecast("FCST-4", "2026-11-08T06:00:00Z");
        assertThat(forecast.getString("state")).isEqualTo("exhausted");
        assertThat(forecast.getLong("usedInWindow")).isEqualTo(1);
        assertThat(forecast.getLong("available")).isEqualTo(29);
        assertThat(forecast.getString("daysLeft")).isNull();
        assertThat(forecast.getString("depletionDate")).isNull();
        assertThat(forecast.getBoolean("reorderNow")).isTrue();
    }

    private static JsonPath reconciliation(String from, String to) {
        return given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/reconciliation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath forecast(String keyId, String at) {
        return given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", at)
                .get("/api/v1/keys/" + keyId + "/forecast")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                // Rest Assured reads decimals as floats by default, which would cut usedPerDay to 7 digits.
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static String text(Object jsonValue) {
        return jsonValue == null ? "" : jsonValue.toString();
    }
}
