package dev.keyline.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every record of every topic, internal ones included, from the beginning, as text for searching. */
final class TopicDump {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    /** One record as text: its key, value and headers, decoded as UTF-8. */
    record RecordText(String topic, int partition, long offset, String text) {}

    private TopicDump() {}

    static List<RecordText> readAll(String bootstrapServers) throws Exception {
        List<TopicPartition> partitions = allPartitions(bootstrapServers);
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");

        List<RecordText> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!reachedEnd(consumer, endOffsets)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("reading every topic from the beginning did not reach the end offsets "
                            + endOffsets + " within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new RecordText(record.topic(), record.partition(), record.offset(), text(record)));
                }
            }
        }
        return records;
    }

    private static List<TopicPartition> allPartitions(String bootstrapServers) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            descriptions.forEach((name, description) -> description
                    .partitions()
                    .forEach(partition -> partitions.add(new TopicPartition(name, partition.partition()))));
            return partitions;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static String text(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder();
        text.append("key=").append(decode(record.key())).append(" value=").append(decode(record.value()));
        for (Header header : record.headers()) {
            text.append(" header ").append(header.key()).append('=').append(decode(header.value()));
        }
        return text.toString();
    }

    private static String decode(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
