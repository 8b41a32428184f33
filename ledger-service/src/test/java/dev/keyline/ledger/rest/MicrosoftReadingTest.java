package dev.keyline.ledger.rest;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.at;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.ledger.DatabaseDump;
import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.LineEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MicrosoftReadingTest {

    // Made-up key in the 5x5 layout.
    private static final String KEY = "RDNGS-AAAAA-BBBBB-CCCCC-RDNG1";

    @Test
    void unexplainedConsumptionFromImportedReading() throws Exception {
        LedgerApi.registerKey("RDNG-1", KEY, 50);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(json(provisioned("R1-" + i, "RDNG-1", "RDNG1")));
            events.add(json(activation("R1-" + i, "RDNG-1", "RDNG1", "success")));
        }
        for (int i = 1; i <= 4; i++) {
            // Re-imaged: provisioned again, so the next success consumes again.
            events.add(json(provisioned("R1-" + i, "RDNG-1", "RDNG1")));
            events.add(json(activation("R1-" + i, "RDNG-1", "RDNG1", "success")));
        }
        KafkaTestClient.produce(Topics.LINE_EVENTS, "RDNG-1", events.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("RDNG-1").getLong("consumed") == 14);

        String csv = "productKey,remainingActivations,lastUpdate\n" + KEY + ",13,2026-12-01T09:00:00Z\n";
        String firstImport = importCsv(csv)
                .body("recorded", equalTo(1))
                .body("fullKeysDropped", equalTo(1))
                .body("readings[0].unexplained", equalTo(23))
                .extract()
                .asString();
        importCsv(csv).body("recorded", equalTo(0)).body("unchanged", equalTo(1));

        JsonPath key = LedgerApi.key("RDNG-1");
        assertThat(key.getLong("consumed")).isEqualTo(14);
        assertThat(key.getLong("reportedUsed")).isEqualTo(37);
        assertThat(key.getLong("unexplained")).isEqualTo(23);
        assertThat(key.getLong("committed")).isZero();
        assertThat(firstImport).doesNotContain(KEY);
        assertThat(DatabaseDump.allRowsAsText()).doesNotContain(KEY);
    }

    @Test
    void laterActivationsKeepUnexplainedUse() {
        LedgerApi.registerKey("RDG-LATE", "RDLAT-AAAAA-BBBBB-CCCCC-RDL06", 50);
        bookDevices("RDG-LATE", "RL-A", 4, null);
        importCsv("keyId,remainingActivations,lastUpdate\nRDG-LATE,40,2026-12-01T00:00:00Z\n")
                .body("readings[0].unexplained", equalTo(6));

        // Devices activated after the reading's time are not in Microsoft's count, so they explain nothing.
        bookDevices("RDG-LATE", "RL-B", 3, Instant.parse("2026-12-02T08:00:00Z"));
        JsonPath afterReading = LedgerApi.key("RDG-LATE");
        assertThat(afterReading.getLong("consumed")).isEqualTo(7);
        assertThat(afterReading.getLong("unexplained")).isEqualTo(6);

        // An activation from before the reading that reaches the ledger late is in it, and explains one.
        bookDevices("RDG-LATE", "RL-C", 1, Instant.parse("2026-11-30T08:00:00Z"));
        JsonPath late = LedgerApi.key("RDG-LATE");
        assertThat(late.getLong("consumed")).isEqualTo(8);
        assertThat(late.getLong("unexplained")).isEqualTo(5);
    }

    @Test
    void olderReadingAnswersItsOwnUse() {
        LedgerApi.registerKey("RDG-OLD", "RDOLD-AAAAA-BBBBB-CCCCC-RDO08", 50);
        bookDevices("RDG-OLD", "RO-A", 4, null);
        importCsv("keyId,remainingActivations,lastUpdate\nRDG-OLD,40,2026-12-02T00:00:00Z\n")
                .body("readings[0].outcome", equalTo("recorded"))
                .body("readings[0].unexplained", equalTo(6));

        // Before the devices' activations (2026-11-02), so none of them explains the 5 Microsoft counted then.
        String older = "keyId,remainingActivations,lastUpdate\nRDG-OLD,45,2026-11-01T00:00:00Z\n";
        importCsv(older).body("readings[0].outcome", equalTo("recorded")).body("readings[0].unexplained", equalTo(5));
        importCsv(older).body("readings[0].outcome", equalTo("unchanged")).body("readings[0].unexplained", equalTo(5));

        JsonPath key = LedgerApi.key("RDG-OLD");
        assertThat(key.getLong("reportedRemaining")).isEqualTo(40);
        assertThat(key.getLong("unexplained")).isEqualTo(6);
    }

    @Test
    void reimportAfterTopUpAnswersSameUse() {
        LedgerApi.registerKey("RDG-AGN", "RDAGN-AAAAA-BBBBB-CCCCC-RDA09", 10);
        // Dated a little ahead of the ledger's clock, so the top-up below is booked before the reading's time.
        String csv = "keyId,remainingActivations,lastUpdate\nRDG-AGN,9,"
                + Instant.now().plusSeconds(120) + "\n";
        importCsv(csv).body("readings[0].outcome", equalTo("recorded")).body("readings[0].unexplained", equalTo(1));

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("application/json")
                .body("{\"activations\": 10}")
                .post("/api/v1/keys/RDG-AGN/top-ups")
                .then()
                .statusCode(200);

        importCsv(csv).body("readings[0].outcome", equalTo("unchanged")).body("readings[0].unexplained", equalTo(1));
        assertThat(LedgerApi.key("RDG-AGN").getLong("unexplained")).isEqualTo(1);
    }

    /** Provisions and activates {@code count} devices on the key, dated at {@code time} or the fixed test time. */
    private static void bookDevices(String keyId, String prefix, int count, Instant time) {
        long consumedBefore = LedgerApi.key(keyId).getLong("consumed");
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            CloudEvent<LineEvent> provisioning = provisioned(prefix + "-" + i, keyId, null);
            CloudEvent<LineEvent> activation = activation(prefix + "-" + i, keyId, null, "success");
            events.add(json(time == null ? provisioning : at(time, provisioning)));
            events.add(json(time == null ? activation : at(time.plusSeconds(60), activation)));
        }
        KafkaTestClient.produce(Topics.LINE_EVENTS, keyId, events.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key(keyId).getLong("consumed") == consumedBefore + count);
    }

    @Test
    void topUpAfterReadingKeepsReportedUse() {
        LedgerApi.registerKey("RDG-TOP", "RDTOP-AAAAA-BBBBB-CCCCC-RDT01", 4);
        importCsv("keyId,remainingActivations,lastUpdate\nRDG-TOP,2,2026-12-01T00:00:00Z\n")
                .body("recorded", equalTo(1))
                .body("readings[0].unexplained", equalTo(2));

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("application/json")
                .body("{\"activations\": 10}")
                .post("/api/v1/keys/RDG-TOP/top-ups")
                .then()
                .statusCode(200)
                .body("allotment", equalTo(14))
                .body("reportedUsed", equalTo(2))
                .body("unexplained", equalTo(2));

        // A reading taken after the top-up counts against the larger allotment.
        importCsv("keyId,remainingActivations,lastUpdate\nRDG-TOP,11," + java.time.Instant.now() + "\n")
                .body("readings[0].unexplained", equalTo(3));
    }

    @Test
    void secondCountAtSameTimeConflicts() {
        LedgerApi.registerKey("RDG-TWO", "RDTWO-AAAAA-BBBBB-CCCCC-RDW02", 10);
        String csv = "keyId,remainingActivations,lastUpdate\n"
                + "RDG-TWO,7,2026-12-01T00:00:00Z\n"
                + "RDG-TWO,5,2026-12-01T00:00:00Z\n";
        String reason = "a reading of RDG-TWO at 2026-12-01T00:00:00Z with 7 remaining is recorded already; check"
                + " which export is right, and import a newer reading to replace it";

        importCsv(csv)
                .body("recorded", equalTo(1))
                .body("conflicting", equalTo(1))
                .body("readings[0].outcome", equalTo("recorded"))
                .body("readings[1].outcome", equalTo("conflicting"))
                .body("readings[1].reason", equalTo(reason));
        importCsv(csv)
                .body("recorded", equalTo(0))
                .body("unchanged", equalTo(1))
                .body("conflicting", equalTo(1));

        given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/RDG-TWO")
                .then()
                .statusCode(200)
                .body("reportedRemaining", equalTo(7))
                .body("reportedUsed", equalTo(3))
                .body("unexplained", equalTo(3));
    }

    @Test
    void countAboveAllotmentConflicts() {
        LedgerApi.registerKey("RDG-BIG", "RDBIG-AAAAA-BBBBB-CCCCC-RDB07", 40);
        String csv = "keyId,remainingActivations,lastUpdate\nRDG-BIG,41,2026-12-01T00:00:00Z\n";
        String reason = "the reading has 41 remaining, more than the allotment of 40 that RDG-BIG had at"
                + " 2026-12-01T00:00:00Z; check the export, or top up the key first if Microsoft granted more"
                + " activations";

        importCsv(csv)
                .body("recorded", equalTo(0))
                .body("conflicting", equalTo(1))
                .body("readings[0].outcome", equalTo("conflicting"))
                .body("readings[0].reason", equalTo(reason))
                .body("readings[0]", not(hasKey("unexplained")));
        importCsv(csv).body("conflicting", equalTo(1)).body("readings[0].reason", equalTo(reason));

        JsonPath key = LedgerApi.key("RDG-BIG");
        assertThat(key.getString("reportedRemaining")).isNull();
        assertThat(key.getString("unexplained")).isNull();
    }

    @Test
    void identifiersOfTwoKeysMatchNone() {
        LedgerApi.registerKey("RDG-ONE", "RDONE-AAAAA-BBBBB-CCCCC-RDO08", 10);
        LedgerApi.registerKey("RDG-OTH", "RDOTH-AAAAA-BBBBB-CCCCC-RDH09", 10);

        importCsv("keyId,partialKey,productKey,remainingActivations,lastUpdate\n"
                        + "RDG-ONE,RDH09,,7,2026-12-01T00:00:00Z\n"
                        + "RDG-ONE,,RDOTH-AAAAA-BBBBB-CCCCC-RDH09,7,2026-12-01T00:00:00Z\n")
                .body("recorded", equalTo(0))
                .body("unmatched", equalTo(2))
                .body(
                        "readings[0].reason",
                        equalTo("RDG-ONE ends in RDO08, but the entry names partial key RDH09; correct the partial"
                                + " key or the key id in the file"))
                .body(
                        "readings[1].reason",
                        equalTo("the full key is registered as RDG-OTH, but the entry names key id RDG-ONE; correct"
                                + " the key id or the key in the file"));
    }

    @Test
    void conflictFoundAtNanosecondTime() {
        LedgerApi.registerKey("RDG-NS", "RDNSA-AAAAA-BBBBB-CCCCC-RDN05", 10);

        importCsv("keyId,remainingActivations,lastUpdate\n"
                        + "RDG-NS,7,2026-12-01T00:00:00.123456789Z\n"
                        + "RDG-NS,6,2026-12-01T00:00:00.123456Z\n")
                .body("recorded", equalTo(1))
                .body("conflicting", equalTo(1))
                .body("readings[0].readAt", equalTo("2026-12-01T00:00:00.123456Z"));
    }

    @Test
    void importLeavesOtherKeysUnlocked() throws Exception {
        LedgerApi.registerKey("RDG-LCK", "RDLCK-AAAAA-BBBBB-CCCCC-RDL03", 10);
        LedgerApi.registerKey("RDG-FREE", "RDFRE-AAAAA-BBBBB-CCCCC-RDF04", 10);
        RestAssuredConfig tenSeconds = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));

        try (Connection connection = PostgresTestResource.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT key_id FROM product_keys WHERE key_id = 'RDG-LCK' FOR UPDATE");
            }

            // RDG-LCK stays locked until the rollback. A file that names only RDG-FREE must not wait for it.
            given().config(tenSeconds)
                    .auth()
                    .oauth2(LedgerApi.OPERATOR)
                    .contentType("text/csv")
                    .body("keyId,remainingActivations,lastUpdate\nRDG-FREE,8,2026-12-01T00:00:00Z\n")
                    .post("/api/v1/imports/microsoft-readings")
                    .then()
                    .statusCode(200)
                    .body("recorded", equalTo(1));
            connection.rollback();
        }
    }

    @Test
    void utf16CsvWithMarkRead() {
        byte[] text = "keyId,remainingActivations,lastUpdate\r\nKEY-U16,4,2026-12-01T00:00:00Z\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] body = new byte[text.length + 2];
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xFE;
        System.arraycopy(text, 0, body, 2, text.length);

        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/csv")
                .body(body)
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(200)
                .body("problems.size()", equalTo(0))
                .body("readings[0].outcome", equalTo("unmatched"))
                .body("readings[0].keyId", equalTo("KEY-U16"))
                .body("readings[0].remaining", equalTo(4));
    }

    @Test
    void unmatchedReadingIsReported() {
        importCsv("partialKey,remainingActivations\nZZZZZ,4\n", "2026-12-01T00:00:00Z")
                .body("unmatched", equalTo(1))
                .body("readings[0].outcome", equalTo("unmatched"))
                .body(
                        "readings[0].reason",
                        equalTo("no registered key ends in ZZZZZ; register the key, or check the partial key"));
    }

    @Test
    void keyInKeyColumnsNeverEchoed() {
        String unregistered = "NOREG-AAAAA-BBBBB-CCCCC-NRG42";
        String answer = given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/csv")
                .queryParam("readAt", "2026-12-01T00:00:00Z")
                .body("keyId,partialKey,remainingActivations\n" + unregistered + ",,4\n,x " + unregistered + ",3\n")
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(200)
                .body("fullKeysDropped", equalTo(1))
                .body("readings[0].outcome", equalTo("unmatched"))
                .body(
                        "readings[0].reason",
                        equalTo("no registered key is this full key; register it first, then import the file again"))
                .body(
                        "problems[0]",
                        equalTo("line 3: the partialKey column holds text with a product key; put the full key alone"
                                + " in the productKey column, where it is fingerprinted and dropped"))
                .extract()
                .asString();

        assertThat(answer).doesNotContain("NOREG-AAAAA").doesNotContain("NOREGAAAAA");
    }

    @Test
    void futureReadingRejected() {
        importCsv("keyId,remainingActivations,lastUpdate\nKEY-F,9,2036-12-04T10:00:00Z\nKEY-F,5,2026-12-01T00:00:00Z\n")
                .body("unmatched", equalTo(1))
                .body("readings.size()", equalTo(1))
                .body("readings[0].remaining", equalTo(5))
                .body("problems[0]", org.hamcrest.Matchers.startsWith("reading 2: dated 2036-12-04T10:00:00Z, later"));
    }

    @Test
    void sharedPartialKeyExplained() {
        LedgerApi.registerKey("AMB-1", "AMBGA-AAAAA-BBBBB-CCCCC-AMB99", 10);
        LedgerApi.registerKey("AMB-2", "AMBGB-DDDDD-EEEEE-FFFFF-AMB99", 10);

        importCsv("partialKey,remainingActivations\nAMB99,4\n", "2026-12-01T00:00:00Z")
                .body("unmatched", equalTo(1))
                .body(
                        "readings[0].reason",
                        equalTo("partial key AMB99 matches 2 registered keys (AMB-1, AMB-2); give the key id or the"
                                + " full key in the file"));
    }

    @Test
    void hostileXmlIsRejected() {
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("application/xml")
                .body("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("DOCTYPE"));
    }

    @Test
    void csvWithNoReadableRowIsRejected() {
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/csv")
                .body("keyId,remainingActivations,lastUpdate\nKEY-X,many,2026-11-30\n")
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"))
                .body(
                        "errors[0].message",
                        org.hamcrest.Matchers.equalTo("no row of the CSV is readable: line 2: remainingActivations"
                                + " 'many' is not a whole number from 0 to 100000000"));
    }

    @Test
    void placeholderDateRejected() {
        rejectedImport("keyId,remainingActivations,lastUpdate\nKEY-P,4,0001-01-01T00:00:00Z\n")
                .body(
                        "errors[0].message",
                        equalTo("no row of the CSV is readable: reading 2: dated 0001-01-01T00:00:00Z, before"
                                + " 2000-01-01T00:00:00Z, so the date is a placeholder or a typing error; check"
                                + " lastUpdate or readAt"));
    }

    @Test
    void fileWithoutReadingsRejected() {
        rejectedImport("keyId,remainingActivations,lastUpdate\n")
                .body("errors[0].message", equalTo("the file has no readings"));
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("application/xml")
                .body("<VolumeActivationManagementToolData><SoftwareLicensingData><ProductKeys/>"
                        + "</SoftwareLicensingData></VolumeActivationManagementToolData>")
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", equalTo("the file has no readings"))
                .body("errors[0].fix", equalTo("send the .cilx file VAMT exported"));
    }

    @Test
    void fileOverReadingLimitRejected() {
        StringBuilder csv = new StringBuilder("keyId,remainingActivations,lastUpdate\n");
        for (int i = 0; i < 10_001; i++) {
            csv.append("KEY-MANY-").append(i).append(",4,2026-12-01T00:00:00Z\n");
        }

        rejectedImport(csv.toString())
                .body("errors[0].message", equalTo("has 10001 readings, more than 10000 in one file"))
                .body("errors[0].fix", equalTo("split the file; an import locks every key it names until it ends"));
    }

    private static io.restassured.response.ValidatableResponse rejectedImport(String csv) {
        return postCsv(csv)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    private static io.restassured.response.ValidatableResponse importCsv(String csv) {
        return postCsv(csv).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse postCsv(String csv) {
        return given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/imports/microsoft-readings")
                .then();
    }

    private static io.restassured.response.ValidatableResponse importCsv(String csv, String readAt) {
        return given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType("text/csv")
                .queryParam("readAt", readAt)
                .body(csv)
                .post("/api/v1/imports/microsoft-readings")
                .then()
                .statusCode(200);
    }
}
