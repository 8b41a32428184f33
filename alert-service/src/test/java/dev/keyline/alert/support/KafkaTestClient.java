package dev.keyline.alert.support;

import dev.keyline.embedded.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker: one shared producer, and a reader that takes a whole topic. */
public final class KafkaTestClient {

    private static KafkaProducer<String, String> producer;

    private KafkaTestClient() {}

    /** Sends one record and waits until the broker has acknowledged it; returns where the record landed. */
    public static synchronized RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, Map.of());
    }

    /** Sends one record with headers and waits until the broker has acknowledged it. */
    public static synchronized RecordMetadata send(
            String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return await(producer().send(record), topic);
    }

    /**
     * Sends the values in order with one record key, so they land on one partition in this order, and waits until
     * the broker has acknowledged all of them.
     */
    public static synchronized void sendAll(String topic, String key, List<String> values) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String value : values) {
            sent.add(producer().send(new ProducerRecord<>(topic, key, value)));
        }
        for (Future<RecordMetadata> future : sent) {
            await(future, topic);
        }
    }

    /** Returns every record of every partition of the topic, from the first offset to the current end. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, Duration.ofSeconds(30));

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (!reachedEnd(consumer, endOffsets)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static RecordMetadata await(Future<RecordMetadata> future, String topic) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the test broker did not acknowledge a record for " + topic, e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> consumer.position(end.getKey(), Duration.ofSeconds(30)) >= end.getValue());
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "alert-service-test-producer");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
