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
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks a key's chain from its journal CSV alone, with the steps docs/API.md gives an auditor ("Checking a key's
 * journal offline"), and without the ledger's own hashing code.
 */
@QuarkusTest
class JournalCsvOfflineCheckTest {

    private static final String GENESIS = "0".repeat(64);

    @Test
    void emptyRangeGivesHeaderLineOnly() {
        LedgerApi.registerKey("OFF-2", "OFFLN-DDDDD-EEEEE-FFFFF-OFF02", 10);

        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .queryParam("from", "2020-01-01T00:00:00Z")
                .queryParam("to", "2020-01-01T00:00:00Z")
                .get("/api/v1/keys/OFF-2/journal")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(csv).isEqualTo(JournalEntryResponse.CSV_HEADER + "\n");
    }

    @Test
    void exportedChainVerifiesOffline() throws Exception {
        LedgerApi.registerKey("OFF-1", "OFFLN-AAAAA-BBBBB-CCCCC-OFF01", 10);
        // A serial that starts with '-' is written with a formula guard, and a reference with a comma is quoted.
        KafkaTestClient.produce(Topics.LINE_EVENTS, "OFF-1", json(provisioned("-SN7", "OFF-1", "OFF01")));
        KafkaTestClient.produce(Topics.LINE_EVENTS, "OFF-1", json(activation("-SN7", "OFF-1", "OFF01", "success")));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> LedgerApi.key("OFF-1").getLong("consumed") == 1);
        given().auth()
                .oauth2(LedgerApi.OPERATOR)
                .contentType(ContentType.JSON)
                .body("{\"activations\": 5, \"reference\": \"PO 4711, \\\"rush\\\"\"}")
                .post("/api/v1/keys/OFF-1/top-ups")
                .then()
                .statusCode(200);

        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/keys/OFF-1/journal")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<String> lines = csv.lines().toList();
        List<String> header = split(lines.get(0));
        assertThat(lines).hasSize(5);
        assertThat(csv).contains("'-SN7", "\"top-up:PO 4711, \"\"rush\"\"\"");
        String previous = GENESIS;
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = split(line);
            String prevHash = row.get(header.indexOf("prev_hash"));
            String canonical = String.join(
                    "|",
                    prevHash,
                    unguard(row.get(header.indexOf("key_id"))),
                    unguard(row.get(header.indexOf("event_id"))),
                    row.get(header.indexOf("entry_type")),
                    unguard(row.get(header.indexOf("serial"))),
                    row.get(header.indexOf("allotment_delta")),
                    row.get(header.indexOf("committed_delta")),
                    row.get(header.indexOf("consumed_delta")),
                    row.get(header.indexOf("occurred_at")));
            String hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

            assertThat(prevHash).as(line).isEqualTo(previous);
            assertThat(row.get(header.indexOf("hash"))).as(line).isEqualTo(hash);
            previous = hash;
        }
        String chainHead = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/OFF-1/journal/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("chainHead");
        assertThat(previous).isEqualTo(chainHead);
    }

    /** Removes the leading ' that keeps a spreadsheet from reading a field as a formula. */
    private static String unguard(String field) {
        return field.matches("^'[=+\\-@].*") ? field.substring(1) : field;
    }

    /** Splits one RFC 4180 line. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
