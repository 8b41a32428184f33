package dev.keyline.station.support;

import static org.awaitility.Awaitility.await;

import dev.keyline.embedded.KafkaTestResource;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes ledger events to the test broker as the ledger would, with a plain producer. */
public final class LedgerEvents {

    private static final EventCodec CODEC = new EventCodec();

    private LedgerEvents() {}

    /** Publishes a balance-changed event for {@code keyId} at {@code time}; returns the event id. */
    public static String publishBalance(BalanceChanged balance, Instant time) throws Exception {
        CloudEvent<BalanceChanged> event =
                CloudEvent.create(CloudEvent.serviceSource("ledger-service"), balance.keyId(), time, balance);
        send(balance.keyId(), CODEC.encode(event));
        return event.id();
    }

    /** Publishes a balance-changed event for {@code balance.keyId()} now, and waits until the station has stored it. */
    public static void publishAndAwait(BalanceChanged balance) throws Exception {
        String eventId = publishBalance(balance, Instant.now());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        TestDatabase.queryLong("SELECT count(*) FROM key_balances WHERE event_id = '" + eventId + "'")
                                == 1);
    }

    /** Publishes a raw record value, such as one that is not a valid event. */
    public static void send(String key, String value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.LEDGER_EVENTS, key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
