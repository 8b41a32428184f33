package dev.keyline.station.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.embedded.KafkaTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test broker from the beginning up to its current end, with a plain consumer. */
public final class TopicReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_READ_TIME = Duration.ofSeconds(30);

    private TopicReader() {}

    /** Returns every record of {@code topic} written before the call, in partition order. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(KafkaTestResource.bootstrapServers(), topic);
    }

    /** Returns every record of {@code topic} on the broker at {@code bootstrapServers} written before the call. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, MAX_READ_TIME).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, MAX_READ_TIME);

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(MAX_READ_TIME);
            while (partitions.stream()
                    .anyMatch(partition -> consumer.position(partition) < endOffsets.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(
                            "could not read " + topic + " up to " + endOffsets + " in " + MAX_READ_TIME);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** Returns every CloudEvent on {@code topic} as JSON, with its record key. */
    public static List<KeyedEvent> events(String topic) {
        return readAll(topic).stream()
                .map(record -> new KeyedEvent(record.key(), parse(record.value())))
                .toList();
    }

    /** Returns the CloudEvents on {@code topic} whose {@code subject} is {@code serial}. */
    public static List<KeyedEvent> eventsFor(String topic, String serial) {
        return events(topic).stream()
                .filter(event -> serial.equals(event.json().path("subject").asText()))
                .toList();
    }

    private static JsonNode parse(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("a record value is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One CloudEvent read from a topic, with the Kafka record key it was published under. */
    public record KeyedEvent(String key, JsonNode json) {

        public String id() {
            return json.path("id").asText();
        }

        public String type() {
            return json.path("type").asText();
        }

        public JsonNode data() {
            return json.path("data");
        }
    }
}
