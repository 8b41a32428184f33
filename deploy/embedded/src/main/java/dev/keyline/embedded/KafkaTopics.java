package dev.keyline.embedded;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates Keyline's topics on a broker, leaving those that already exist as they are. */
public final class KafkaTopics {

    /** Topic name and partition count; line events are spread by key id, so they get more partitions. */
    public static final Map<String, Integer> KEYLINE_TOPICS = Map.of(
            "keyline.line-events", 3,
            "keyline.ledger-events", 3,
            "keyline.alerts", 1,
            "keyline.line-events.dlq", 1,
            "keyline.ledger-events.dlq", 1);

    private KafkaTopics() {}

    public static void createKeylineTopics(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = KEYLINE_TOPICS.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("failed to create Keyline topics on " + bootstrapServers, e);
        }
    }
}
