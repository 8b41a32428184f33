package dev.keyline.station.messaging;

import static dev.keyline.station.support.StationCalls.newSerial;
import static dev.keyline.station.support.StationCalls.postProvisioned;
import static dev.keyline.station.support.StationCalls.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.station.support.LedgerEvents;
import dev.keyline.station.support.TestDatabase;
import dev.keyline.station.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Provisionings checked against the balances the ledger publishes on keyline.ledger-events. */
@QuarkusTest
class AvailabilityCheckTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void exhaustedKeyRejected() throws Exception {
        String eventId =
                LedgerEvents.publishBalance(balance("KEY-EMPTY", "EMP7Y", 50, 0, 50, 0, "exhausted"), Instant.now());
        awaitBalance("KEY-EMPTY", eventId);

        Response response = postProvisioned(provisioned(newSerial("SN-AV"), "KEY-EMPTY", "EMP7Y", false));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-unavailable");
        assertThat(response.jsonPath().getString("detail"))
                .contains("key KEY-EMPTY ending in EMP7Y (state exhausted) has no activations available")
                .contains("available 0 = allotment 50 - consumed 50 - committed 0");
    }

    @Test
    void unknownKeyIdCheckedByPartialKey() throws Exception {
        String empty = LedgerEvents.publishBalance(balance("KEY-LC", "LC7QY", 5, 0, 5, 0, "active"), Instant.now());
        String left = LedgerEvents.publishBalance(balance("KEY-LD", "LD7QY", 5, 0, 0, 5, "active"), Instant.now());
        awaitBalance("KEY-LC", empty);
        awaitBalance("KEY-LD", left);

        // The ledger books a key id it does not know against the one key with the report's partial key.
        Response rejected = postProvisioned(provisioned(newSerial("SN-AV"), "key-lc", "LC7QY", false));
        Response accepted = postProvisioned(provisioned(newSerial("SN-AV"), "KEY-NONE", "ld7qy", false));

        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(rejected.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-unavailable");
        assertThat(rejected.jsonPath().getString("detail")).contains("key KEY-LC ending in LC7QY");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.jsonPath().getList("warnings", String.class))
                .containsExactly("key id KEY-NONE is not registered, so the ledger books the device against key KEY-LD,"
                        + " which partial key LD7QY names; report keyId KEY-LD");
        String eventId = accepted.jsonPath().getString("eventId");
        assertThat(TestDatabase.queryString(
                        "SELECT record_key FROM outbox WHERE headers::jsonb ->> 'ce_id' = '" + eventId + "'"))
                .as("keyed as the ledger books it, so it counts against KEY-LD until booked")
                .isEqualTo("KEY-LD");
    }

    @Test
    void burstOfUnknownKeyIdCountsAgainstKey() throws Exception {
        String twoLeft = LedgerEvents.publishBalance(balance("KEY-LF", "LF7QY", 5, 3, 0, 2, "active"), Instant.now());
        awaitBalance("KEY-LF", twoLeft);

        List<Integer> statuses = List.of(
                postProvisioned(provisioned(newSerial("SN-AV"), "key-lf", "LF7QY", false))
                        .statusCode(),
                postProvisioned(provisioned(newSerial("SN-AV"), "key-lf", "LF7QY", false))
                        .statusCode(),
                postProvisioned(provisioned(newSerial("SN-AV"), "key-lf", "LF7QY", false))
                        .statusCode());

        assertThat(statuses).containsExactly(202, 202, 409);
    }

    @Test
    void otherPartialKeyRejected() throws Exception {
        String eventId =
                LedgerEvents.publishBalance(balance("KEY-MIX", "M1XAA", 50, 0, 0, 50, "active"), Instant.now());
        awaitBalance("KEY-MIX", eventId);
        String serial = newSerial("SN-AV");

        Response response = postProvisioned(provisioned(serial, "KEY-MIX", "H2K9D", false));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-mismatch");
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("/partialKey", "/keyId");
        assertThat(TestDatabase.queryLong("SELECT count(*) FROM reports WHERE serial = '" + serial + "'"))
                .isEqualTo(0);
    }

    @Test
    void availableKeyAcceptedWithoutWarning() throws Exception {
        String eventId =
                LedgerEvents.publishBalance(balance("KEY-FULL", "FU11K", 50, 5, 5, 40, "active"), Instant.now());
        awaitBalance("KEY-FULL", eventId);

        Response response = postProvisioned(provisioned(newSerial("SN-AV"), null, "FU11K", false));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("warnings")).isEmpty();
    }

    @Test
    void staleFiguresCheckedForWhatIsLeft() throws Exception {
        String usedUp =
                LedgerEvents.publishBalance(balance("KEY-OLD", "O1DKY", 50, 0, 50, 0, "exhausted"), Instant.now());
        String left = LedgerEvents.publishBalance(balance("KEY-OLD2", "O1DK2", 50, 0, 45, 5, "active"), Instant.now());
        awaitBalance("KEY-OLD", usedUp);
        awaitBalance("KEY-OLD2", left);
        // The figures age from when the station received them, as when the ledger has published nothing for an hour.
        TestDatabase.execute("UPDATE key_balances SET received_at = now() - interval '1 hour'"
                + " WHERE key_id IN ('KEY-OLD', 'KEY-OLD2')");

        Response rejected = postProvisioned(provisioned(newSerial("SN-AV"), "KEY-OLD", null, false));
        Response accepted = postProvisioned(provisioned(newSerial("SN-AV"), "KEY-OLD2", null, false));

        assertThat(rejected.statusCode()).isEqualTo(409);
        assertThat(rejected.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-unavailable");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.jsonPath().getList("warnings", String.class))
                .singleElement()
                .asString()
                .contains("key KEY-OLD2 (5)")
                .contains("older than 10 minutes");
    }

    @Test
    void missingFiguresAcceptedWithWarning() {
        Response response = postProvisioned(provisioned(newSerial("SN-AV"), "KEY-NEVER", null, false));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getList("warnings", String.class))
                .containsExactly(
                        "no balance has been published for key KEY-NEVER, so its available count was not" + " checked");
    }

    @Test
    void olderBalanceIgnored() throws Exception {
        Instant now = Instant.now();
        String newer = LedgerEvents.publishBalance(balance("KEY-ORDER", "0RDER", 10, 0, 0, 10, "active"), now);
        awaitBalance("KEY-ORDER", newer);
        String older = LedgerEvents.publishBalance(
                balance("KEY-ORDER", "0RDER", 10, 0, 10, 0, "exhausted"), now.minusSeconds(30));
        String marker = LedgerEvents.publishBalance(balance("KEY-MARK", "MARK1", 1, 0, 0, 1, "active"), now);
        awaitBalance("KEY-MARK", marker);

        assertThat(TestDatabase.queryLong("SELECT available FROM key_balances WHERE key_id = 'KEY-ORDER'"))
                .as("available after the older event " + older)
                .isEqualTo(10);
    }

    @Test
    void higherVersionWinsOverLaterTime() throws Exception {
        Instant now = Instant.now();
        String first = LedgerEvents.publishBalance(versioned("KEY-VER", 10, 1), now);
        awaitBalance("KEY-VER", first);
        // A back-dated provisioning dates the ledger's next balance before the first one.
        String backDated = LedgerEvents.publishBalance(versioned("KEY-VER", 0, 2), now.minus(Duration.ofMinutes(2)));
        awaitBalance("KEY-VER", backDated);
        String redelivered = LedgerEvents.publishBalance(versioned("KEY-VER", 10, 1), now.plusSeconds(60));
        String marker = LedgerEvents.publishBalance(balance("KEY-MARK2", "MARK2", 1, 0, 0, 1, "active"), now);
        awaitBalance("KEY-MARK2", marker);

        assertThat(TestDatabase.queryLong("SELECT available FROM key_balances WHERE key_id = 'KEY-VER'"))
                .as("available after the lower version " + redelivered)
                .isZero();
        Response response = postProvisioned(provisioned(newSerial("SN-AV"), "KEY-VER", "V3RSN", false));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://keyline.dev/problems/key-unavailable");
    }

    private static BalanceChanged versioned(String keyId, long available, long version) {
        return new BalanceChanged(
                keyId,
                "V3RSN",
                10,
                10 - available,
                0,
                available,
                "cause-" + version,
                "active",
                0L,
                FINGERPRINT,
                null,
                null,
                version);
    }

    @Test
    void badRecordDeadLettered() throws Exception {
        LedgerEvents.send("KEY-BAD", "{\"id\": \"not an event\", \"note\": \"TSTZZ-YYYYY-XXXXX-WWWWW-2KP9W\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters().isEmpty());
        ConsumerRecord<String, String> dead = deadLetters().get(0);
        assertThat(dead.value()).contains("*****-*****-*****-*****-2KP9W");
        assertThat(dead.value().contains("TSTZZ-YYYYY"))
                .as("dead letter carries the full key")
                .isFalse();
        String reason =
                new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).isNotBlank();
    }

    private static List<ConsumerRecord<String, String>> deadLetters() {
        return TopicReader.readAll(Topics.LEDGER_EVENTS_DLQ).stream()
                .filter(record -> "KEY-BAD".equals(record.key()))
                .toList();
    }

    private static void awaitBalance(String keyId, String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestDatabase.queryLong("SELECT count(*) FROM key_balances WHERE key_id = '" + keyId
                                + "' AND event_id = '" + eventId + "'")
                        == 1);
    }

    private static BalanceChanged balance(
            String keyId,
            String partialKey,
            long allotment,
            long committed,
            long consumed,
            long available,
            String state) {
        return new BalanceChanged(
                keyId, partialKey, allotment, committed, consumed, available, "cause-1", state, 0L, FINGERPRINT);
    }
}
