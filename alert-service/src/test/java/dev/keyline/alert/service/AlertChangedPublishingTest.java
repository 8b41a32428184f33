package dev.keyline.alert.service;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.AlertChanged;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every alert change reaches keyline.alerts through the outbox as a keyline.alert.changed.v1 CloudEvent. */
@QuarkusTest
class AlertChangedPublishingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();

    @Test
    void raiseAndResolvePublished() {
        String keyId = TestEvents.uniqueId("KEY");
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 10)));
        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 50)));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("keyId", keyId)).getList("status"))
                        .containsExactly("resolved"));
        String alertId = alerts(Map.of("keyId", keyId)).getString("[0].id");

        List<ConsumerRecord<String, String>> records =
                await().atMost(TIMEOUT).until(() -> recordsFor(alertId), found -> found.size() == 2);

        CloudEvent<AlertChanged> raised = decode(records.get(0));
        CloudEvent<AlertChanged> resolved = decode(records.get(1));
        assertThat(raised.source()).isEqualTo("/services/alert-service");
        assertThat(raised.subject()).isEqualTo(alertId);
        assertThat(raised.data().alertId()).isEqualTo(alertId);
        assertThat(raised.data().rule()).isEqualTo("key-low");
        assertThat(raised.data().severity()).isEqualTo("warning");
        assertThat(raised.data().status()).isEqualTo("firing");
        assertThat(raised.data().labels()).isEqualTo(Map.of("keyId", keyId, "partialKey", "7QX4M"));
        assertThat(resolved.data().status()).isEqualTo("resolved");
        assertThat(resolved.id()).isNotEqualTo(raised.id());
        assertThat(header(records.get(0), "ce_type")).isEqualTo("keyline.alert.changed.v1");
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String alertId) {
        return KafkaTestClient.readAll(Topics.ALERTS).stream()
                .filter(r -> alertId.equals(r.key()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private CloudEvent<AlertChanged> decode(ConsumerRecord<String, String> record) {
        DecodeResult result = codec.decode(record.value());
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return (CloudEvent<AlertChanged>) ((DecodeResult.Decoded) result).event();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
