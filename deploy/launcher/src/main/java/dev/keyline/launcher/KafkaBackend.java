package dev.keyline.launcher;

import dev.keyline.embedded.KafkaTopics;
import dev.keyline.embedded.StandaloneKafka;
import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** The stack's Kafka: a broker started as a child JVM in the work directory, or an external one. */
public final class KafkaBackend implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBackend.class);

    private final String bootstrapServers;
    private final StandaloneKafka standalone;

    private KafkaBackend(String bootstrapServers, StandaloneKafka standalone) {
        this.bootstrapServers = bootstrapServers;
        this.standalone = standalone;
    }

    /**
     * Creates Keyline's topics on the external Kafka if the settings name one, else starts a broker in
     * {@code directory}, which creates them itself.
     */
    public static KafkaBackend start(StackSettings settings, Path directory) throws IOException, InterruptedException {
        if (settings.externalKafka().isPresent()) {
            String bootstrapServers = settings.externalKafka().get();
            LOG.infof("using external Kafka %s", bootstrapServers);
            KafkaTopics.createKeylineTopics(bootstrapServers);
            return new KafkaBackend(bootstrapServers, null);
        }

        StandaloneKafka kafka = new StandaloneKafka(directory, settings.kafkaPort(), settings.kafkaControllerPort());
        kafka.start();
        return new KafkaBackend(kafka.bootstrapServers(), kafka);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the started broker; an external Kafka is left running. */
    @Override
    public void close() throws InterruptedException {
        if (standalone != null) {
            standalone.close();
        }
    }
}
