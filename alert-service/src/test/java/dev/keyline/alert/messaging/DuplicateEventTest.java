package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static dev.keyline.alert.support.AlertsApi.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka delivers at least once, so the same event id can arrive twice and must count once. */
@QuarkusTest
class DuplicateEventTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void repeatedEventIdCountsOnce() {
        String keyId = TestEvents.uniqueId("KEY");
        String event = TestEvents.encode(TestEvents.balance(keyId, 10));
        long processedBefore = status().getLong("ledgerEventsProcessed");

        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, event);
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, event);
        // A third, distinct event on the same record key lands on the same partition after both copies, so once
        // it is processed, both copies have been handled.
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 30)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        assertThat(alerts(Map.of("keyId", keyId)).getLong("[0].occurrences")).isEqualTo(1);
        assertThat(status().getLong("ledgerEventsProcessed")).isEqualTo(processedBefore + 2);
    }
}
