package dev.keyline.benchmark;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Produces the benchmark's line events: for each device a provisioning and then a successful activation, keyed by
 * key id as the station service publishes them, so each key's events share one partition.
 */
final class EventLoad {

    private static final Logger LOG = Logger.getLogger(EventLoad.class);
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final int BLOCK = 10_000;

    private EventLoad() {}

    /**
     * Sends {@code events} events for {@code events / 2} devices spread over {@code keys}, encoding on every core, and
     * returns when Kafka acknowledged them all.
     */
    static Rate produce(String bootstrapServers, List<BenchmarkKey> keys, int events) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("acks", "all");
        properties.put("linger.ms", "10");
        properties.put("batch.size", Integer.toString(512 * 1024));
        properties.put("compression.type", "lz4");
        EventCodec codec = new EventCodec();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int devices = events / 2;
        LOG.infof("producing %,d line events for %,d devices over %d keys", events, devices, keys.size());

        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            IntStream.range(0, (devices + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
                for (int device = block * BLOCK; device < Math.min(devices, (block + 1) * BLOCK); device++) {
                    BenchmarkKey key = keys.get(device % keys.size());
                    send(producer, failure, key, codec.encode(provisioning(device, key)));
                    send(producer, failure, key, codec.encode(activation(device, key)));
                }
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing line events failed", failure.get());
        }
        return Rate.since(events, start);
    }

    private static void send(
            KafkaProducer<String, String> producer,
            AtomicReference<Exception> failure,
            BenchmarkKey key,
            String value) {
        producer.send(new ProducerRecord<>(Topics.LINE_EVENTS, key.keyId(), value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    static CloudEvent<DeviceProvisioned> provisioning(int device, BenchmarkKey key) {
        String serial = serial(device);
        DeviceProvisioned data = new DeviceProvisioned(
                serial, "line-1", "imaging-01", key.keyId(), key.partialKey(), ProvisioningMethod.UNATTEND, true, null);
        return CloudEvent.create(CloudEvent.lineSource("line-1", "imaging-01"), serial, T0.plusSeconds(device), data);
    }

    static CloudEvent<ActivationAttempted> activation(int device, BenchmarkKey key) {
        String serial = serial(device);
        ActivationAttempted data = new ActivationAttempted(
                serial,
                "line-1",
                "activation-01",
                key.keyId(),
                key.partialKey(),
                ActivationChannel.INTERNET,
                ActivationAttempted.SUCCESS,
                null,
                "hw-" + device,
                false);
        return CloudEvent.create(
                CloudEvent.lineSource("line-1", "activation-01"), serial, T0.plusSeconds(device + 3600), data);
    }

    private static String serial(int device) {
        return String.format("BN-%07d", device);
    }
}
