package dev.keyline.station.outage;

import dev.keyline.embedded.FreePorts;
import dev.keyline.embedded.StandaloneKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker in a child JVM whose {@code stop()} and {@code start()} keep its
 * port and data, so a test can take the broker away and bring it back.
 */
public class StandaloneKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile StandaloneKafka kafka;

    public static StandaloneKafka kafka() {
        return kafka;
    }

    @Override
    public Map<String, String> start() {
        Path directory = Path.of("target", "standalone-kafka-" + UUID.randomUUID());
        kafka = new StandaloneKafka(directory, FreePorts.find(), FreePorts.find());
        try {
            kafka.start();
        } catch (Exception e) {
            throw new IllegalStateException("failed to start the standalone Kafka broker; see " + kafka.logFile(), e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        try {
            kafka.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
