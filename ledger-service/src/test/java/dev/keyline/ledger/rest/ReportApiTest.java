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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportApiTest {

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

        JsonPath report = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("from", "2026-11-02T00:00:00Z")
                .queryParam("to", "2026-11-03T00:00:00Z")
                .get("/api/v1/reconciliation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> rows = report.getList("rows.findAll { it.keyId == 'RECO-1' }");
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("day")).isEqualTo("2026-11-02");
        assertThat(row.get("lineId")).isEqualTo("line-1");
        assertThat(row.get("devicesProvisioned")).isEqualTo(3);
        assertThat(row.get("activationsConsumed")).isEqualTo(2);
        assertThat(row.get("repeats")).isEqualTo(1);
        assertThat(row.get("failures")).isEqualTo(1);
        assertThat(row.get("unattributed")).isEqualTo(1);
        assertThat(row.get("reactivations")).isEqualTo(0);

        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .queryParam("from", "2026-11-02T00:00:00Z")
                .queryParam("to", "2026-11-03T00:00:00Z")
                .get("/api/v1/reconciliation")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv).contains("2026-11-02,RECO-1,line-1,3,2,0,1,1,1");
    }

    @Test
    void forecastUsesWindowOfJournal() {
        LedgerApi.registerKey("FCST-1", "FRCST-AAAAA-BBBBB-CCCCC-FCST1", 30);
        KafkaTestClient.produce(
                Topics.LINE_EVENTS,
                "FCST-1",
                json(provisioned("F1-1", "FCST-1", "FCST1")),
                json(provisioned("F1-2", "FCST-1", "FCST1")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("FCST-1").getLong("committed") == 2);

        JsonPath forecast = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .queryParam("at", "2026-11-08T06:00:00Z")
                .get("/api/v1/keys/FCST-1/forecast")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Two commitments in the 14-day window: 1/7 per day, so 28 available last 196 days.
        assertThat(forecast.getLong("usedInWindow")).isEqualTo(2);
        assertThat(forecast.getLong("available")).isEqualTo(28);
        assertThat(forecast.getDouble("daysLeft")).isEqualTo(196.0);
        assertThat(forecast.getBoolean("reorderNow")).isFalse();
    }
}
