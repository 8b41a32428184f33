package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Key-level rules fed by balances and by activation failures that prove a key exhausted or blocked. */
@QuarkusTest
class KeyRuleAlertsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void exhaustedResultHoldsUntilTopUp() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");
        sendBalance(keyId, 100, 50, "active");
        awaitKeyFacts(keyId);

        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                keyId,
                TestEvents.encode(
                        TestEvents.activation("SN-1", lineId, keyId, "0xC004C020", null, null, Instant.now())));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(rules(keyId)).containsExactly("key-exhausted"));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].severity")).isEqualTo("critical");
        assertThat(body.getString("[0].summary"))
                .isEqualTo("Microsoft reported " + keyId + " (partial key 7QX4M) exhausted: activation of SN-1 on line "
                        + lineId + " failed with 0xC004C020 (the key has exceeded its activation limit)");

        // The ledger marks the key exhausted at the same allotment: still exhausted.
        sendBalance(keyId, 100, 50, "exhausted");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getLong("[0].occurrences"))
                        .isEqualTo(2));
        assertThat(alerts(Map.of("keyId", keyId)).getString("[0].status")).isEqualTo("firing");

        // A top-up clears it, although the ledger keeps the state exhausted.
        sendBalance(keyId, 150, 50, "exhausted");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
    }

    @Test
    void exhaustionBeforeFirstBalanceLeavesOneAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");
        ActivationAttempted withoutPartialKey = new ActivationAttempted(
                "SN-1", lineId, "activation-01", keyId, null, ActivationChannel.INTERNET, "0xC004C020", null);
        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                keyId,
                TestEvents.encode(CloudEvent.create(
                        CloudEvent.lineSource(lineId, "activation-01"), "SN-1", Instant.now(), withoutPartialKey)));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(rules(keyId)).containsExactly("key-exhausted"));
        assertThat(alerts(Map.of("keyId", keyId)).getMap("[0].labels")).isEqualTo(Map.of("keyId", keyId));

        // The key's first balance names its partial key: the alert with it carries on, the one without resolves.
        sendBalance(keyId, 100, 50, "exhausted");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                        alerts(Map.of("keyId", keyId, "status", "firing")).getList("labels"))
                .containsExactly(Map.of("keyId", keyId, "partialKey", TestEvents.PARTIAL_KEY)));

        sendBalance(keyId, 150, 50, "exhausted");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved", "resolved"));
    }

    @Test
    void blockedTwoDevicesOneAlert() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");

        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                keyId,
                TestEvents.encode(
                        TestEvents.activation("SN-1", lineId, keyId, "0xC004C003", null, null, Instant.now())));
        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                keyId,
                TestEvents.encode(
                        TestEvents.activation("SN-2", lineId, keyId, "0xC004C4A2", null, null, Instant.now())));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("occurrences", Long.class))
                        .containsExactly(2L));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].rule")).isEqualTo("key-blocked");
        assertThat(body.getString("[0].severity")).isEqualTo("critical");
        assertThat(body.getMap("[0].labels")).isEqualTo(Map.of("keyId", keyId, "partialKey", "7QX4M"));
        assertThat(body.getString("[0].summary")).contains("activation of SN-2 on line " + lineId);
    }

    @Test
    void unblockInLedgerResolvesBlocked() {
        String keyId = TestEvents.uniqueId("KEY");
        String lineId = TestEvents.uniqueId("line");
        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                keyId,
                TestEvents.encode(
                        TestEvents.activation("SN-1", lineId, keyId, "0xC004C003", null, null, Instant.now())));
        // A station that misspelt the key id raises a second alert, with the same partial key.
        String misspelt = keyId.toLowerCase(java.util.Locale.ROOT);
        KafkaTestClient.send(
                Topics.LINE_EVENTS,
                misspelt,
                TestEvents.encode(
                        TestEvents.activation("SN-2", lineId, misspelt, "0xC004C003", null, null, Instant.now())));
        sendBalance(keyId, 100, 50, "blocked");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("occurrences", Long.class))
                        .containsExactly(2L));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                        alerts(Map.of("keyId", misspelt)).getList("status"))
                .containsExactly("firing"));

        // A balance of the still active key that another booking caused leaves the alerts firing.
        sendBalance(keyId, 100, 51, "active");
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balanceCausedBy(keyId, 100, 51, "active", "unblock:MS-9")));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        String summary = "an operator unblocked " + keyId + " (partial key 7QX4M) (reference MS-9), and it is active"
                + " (allotment 100, consumed 51, committed 0)";
        assertThat(alerts(Map.of("keyId", keyId)).getString("[0].summary")).isEqualTo(summary);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                        alerts(Map.of("keyId", misspelt)).getList("status"))
                .containsExactly("resolved"));
    }

    @Test
    void overCommittedFiresThreeRules() {
        String keyId = TestEvents.uniqueId("KEY");

        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 100, 30, 73, Instant.now())));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(rules(keyId))
                .containsExactlyInAnyOrder("key-low", "key-exhausted", "key-over-committed"));
        JsonPath body = alerts(Map.of("keyId", keyId, "rule", "key-over-committed"));
        assertThat(body.getString("[0].summary"))
                .isEqualTo(keyId + " (partial key 7QX4M) has 30 devices committed and 73 activations consumed"
                        + " against an allotment of 100, 3 more than it allows: 3 of its committed devices cannot"
                        + " activate");

        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 200, 30, 73, Instant.now())));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsOnly("resolved")
                        .hasSize(3));
    }

    @Test
    void unexplainedReadingFiresThenClears() {
        String keyId = TestEvents.uniqueId("KEY");

        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, 1000, 100, "active", null, 880L)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(rules(keyId)).containsExactly("unexplained-consumption"));
        JsonPath body = alerts(Map.of("keyId", keyId));
        assertThat(body.getString("[0].severity")).isEqualTo("high");
        assertThat(body.getString("[0].summary"))
                .startsWith("Microsoft counts 20 more activations of " + keyId + " (partial key 7QX4M) than the"
                        + " ledger booked");

        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, 1000, 118, "active", null, 880L)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
    }

    private static void sendBalance(String keyId, long allotment, long consumed, String state) {
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS,
                keyId,
                TestEvents.encode(TestEvents.balance(keyId, allotment, consumed, state, null, null)));
    }

    private static void awaitKeyFacts(String keyId) {
        await().atMost(TIMEOUT).until(() -> KeyFacts.exists(keyId));
    }

    private static java.util.List<String> rules(String keyId) {
        return alerts(Map.of("keyId", keyId)).getList("rule");
    }
}
