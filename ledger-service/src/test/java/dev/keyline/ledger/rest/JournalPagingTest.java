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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chain verification, the journal CSV and balances as of an instant on a key of 9 entries, which the test profile
 * reads 2 entries per query and caps at 8 entries per CSV.
 */
@QuarkusTest
class JournalPagingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String KEY = "PAGE-1";

    /** The key's 9 entries as the JSON journal lists them, oldest first; booked by the first test that runs. */
    private static List<Map<String, Object>> entries;

    @BeforeEach
    void bookNineEntriesOnce() {
        if (entries != null) {
            return;
        }
        LedgerApi.registerKey(KEY, "PAGED-AAAAA-BBBBB-CCCCC-PAG01", 20);
        for (int device = 1; device <= 4; device++) {
            String serial = "PG-" + device;
            KafkaTestClient.produce(
                    Topics.LINE_EVENTS,
                    KEY,
                    json(provisioned(serial, KEY, "PAG01")),
                    json(activation(serial, KEY, "PAG01", "success")));
        }
        await().atMost(TIMEOUT).until(() -> LedgerApi.key(KEY).getLong("consumed") == 4);

        JsonPath page = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/" + KEY + "/journal?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        entries = page.getList("items");
        assertThat(entries).hasSize(9);
    }

    @Test
    void verifyReadsEveryPage() {
        JsonPath result = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/" + KEY + "/journal/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getInt("entries")).isEqualTo(9);
        assertThat(result.getString("chainHead")).isEqualTo(entries.get(8).get("hash"));
        assertThat(result.getLong("journalTotals.allotment")).isEqualTo(20);
        assertThat(result.getLong("journalTotals.consumed")).isEqualTo(4);
        assertThat(result.getLong("journalTotals.committed")).isEqualTo(0);
    }

    @Test
    void csvOverTheCapRejected() {
        JsonPath problem = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/keys/" + KEY + "/journal")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertThat(problem.getString("errors[0].field")).isEqualTo("to");
        assertThat(problem.getString("errors[0].message")).startsWith("selects 9 entries of key PAGE-1 booked from ");
        assertThat(problem.getString("errors[0].message")).endsWith(", more than the 8 that one CSV export holds");
        assertThat(problem.getString("errors[0].fix")).startsWith("export the key's journal in smaller ranges");
    }

    @Test
    void csvOfRangeHasItsEntries() {
        String from = (String) entries.get(2).get("bookedAt");
        List<Map<String, Object>> expected = entries.stream()
                .filter(entry -> !Instant.parse((String) entry.get("bookedAt")).isBefore(Instant.parse(from)))
                .toList();

        String csv = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .accept("text/csv")
                .get("/api/v1/keys/" + KEY + "/journal?from=" + from)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(lines.get(i + 1)).startsWith(expected.get(i).get("seq") + ",PAGE-1,");
            assertThat(lines.get(i + 1))
                    .endsWith(expected.get(i).get("prevHash") + ","
                            + expected.get(i).get("hash"));
        }
    }

    @Test
    void balanceAsOfSumsEntriesUpToIt() {
        String at = (String) entries.get(4).get("bookedAt");
        List<Map<String, Object>> upTo = entries.stream()
                .filter(entry -> !Instant.parse((String) entry.get("bookedAt")).isAfter(Instant.parse(at)))
                .toList();
        long committed = upTo.stream()
                .mapToLong(entry -> ((Number) entry.get("committedDelta")).longValue())
                .sum();
        long consumed = upTo.stream()
                .mapToLong(entry -> ((Number) entry.get("consumedDelta")).longValue())
                .sum();

        JsonPath balance = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/" + KEY + "/balance?at=" + at)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(balance.getInt("journalEntries")).isEqualTo(upTo.size());
        assertThat(balance.getString("chainHead"))
                .isEqualTo(upTo.get(upTo.size() - 1).get("hash"));
        assertThat(balance.getLong("allotment")).isEqualTo(20);
        assertThat(balance.getLong("committed")).isEqualTo(committed);
        assertThat(balance.getLong("consumed")).isEqualTo(consumed);
        assertThat(balance.getLong("available")).isEqualTo(20 - committed - consumed);
    }
}
