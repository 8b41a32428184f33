package dev.keyline.ledger;

import dev.keyline.embedded.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka client, as a third-party producer or an auditor reading a topic would use. */
public final class KafkaTestClient {

    private KafkaTestClient() {}

    public static void produce(String topic, String key, String... values) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("acks", "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                // The header the station's outbox relay sets: consumers must still read the whole CloudEvent.
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Reads the topic from the beginning until {@code expected} records arrived or 30 seconds passed. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        return readUntil(topic, records -> records.size() >= expected);
    }

    /** Reads the topic from the beginning until the records read so far satisfy {@code done}, or 30 seconds passed. */
    public static List<ConsumerRecord<String, String>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        properties.put("group.id", "test-reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!done.test(records) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }
}
