package dev.keyline.benchmark;

import dev.keyline.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Measures how fast one plain consumer reads the line-events topic from the start, values as strings. */
final class KafkaDrain {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private KafkaDrain() {}

    /** Reads every partition from its start until {@code expected} records arrived. */
    static Rate drain(String bootstrapServers, long expected) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("enable.auto.commit", "false");
        properties.put("max.poll.records", "10000");
        long start = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LINE_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(TIMEOUT);
            long valueBytes = 0;
            while (read < expected) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("draining " + Topics.LINE_EVENTS + " timed out after " + read
                            + " of " + expected + " records");
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    valueBytes += record.value().length();
                    read++;
                }
            }
            if (valueBytes == 0) {
                throw new IllegalStateException("every record of " + Topics.LINE_EVENTS + " was empty");
            }
        }
        return Rate.since(read, start);
    }
}
