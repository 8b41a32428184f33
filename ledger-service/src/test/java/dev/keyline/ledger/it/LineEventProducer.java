package dev.keyline.ledger.it;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka producer of {@code keyline.line-events}, as a station service publishes them: structured CloudEvents
 * JSON, keyed by key id, so one key's events stay in one partition in the order they were sent.
 */
public final class LineEventProducer implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long sent;

    public LineEventProducer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put("linger.ms", "5");
        properties.put("batch.size", Integer.toString(256 * 1024));
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Encodes the event through the shared contract and sends it with the record key {@code keyId}. */
    public void send(String keyId, CloudEvent<?> event) {
        sendRaw(keyId, CODEC.encode(event));
    }

    /** Sends a value as it is, valid or not. */
    public void sendRaw(String recordKey, String value) {
        producer.send(new ProducerRecord<>(Topics.LINE_EVENTS, recordKey, value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        sent++;
    }

    /** Waits until every record sent so far is acknowledged; throws when a send failed. */
    public void flush() {
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("sending to " + Topics.LINE_EVENTS + " failed", error);
        }
    }

    public long sent() {
        return sent;
    }

    @Override
    public void close() {
        flush();
        producer.close();
    }
}
