package dev.keyline.station.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Position of a Kafka record: topic, partition and offset, for logs and dead-letter reasons. */
record RecordPosition(String topic, int partition, long offset) {

    static RecordPosition of(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> new RecordPosition(metadata.getTopic(), metadata.getPartition(), metadata.getOffset()))
                .orElseThrow(() -> new IllegalStateException(
                        "message has no Kafka record metadata; the channel must use the smallrye-kafka connector"));
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
