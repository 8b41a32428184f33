package dev.keyline.launcher;

import dev.keyline.schemas.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Tells whether a service's consumer group has consumed every line event the station-service has written: its outbox
 * has no unsent line event, and the group's committed offsets reach the end of each partition of
 * {@code keyline.line-events}. The services' counters count events they booked or processed for the first time, so
 * an event published again under an id they booked before, as from an event log posted again, never moves them.
 */
public final class LineEventProgress implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LineEventProgress.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final StationOutbox outbox;
    private final Admin admin;
    private List<TopicPartition> partitions;

    public LineEventProgress(StationOutbox outbox, String bootstrapServers) {
        this.outbox = outbox;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(properties);
    }

    /** Returns true when {@code groupId} has committed offsets at the end of every line-event partition. */
    public boolean consumedAll(String groupId) {
        try {
            if (outbox.unsentLineEvents() > 0) {
                return false;
            }
            Map<TopicPartition, Long> ends = endOffsets();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return caughtUp(ends, committed);
        } catch (SQLException | ExecutionException | TimeoutException e) {
            // The counters decide instead, and the next poll reads the offsets again.
            LOG.debugf("reading the progress of consumer group %s failed: %s", groupId, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tells whether every partition's committed offset reaches its end offset; a partition without records counts. */
    static boolean caughtUp(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long position = offset == null ? 0 : offset.offset();
            if (position < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartition partition : partitions()) {
            latest.put(partition, OffsetSpec.latest());
        }

        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Returns the topic's partitions, read once, because a run does not change them. */
    private List<TopicPartition> partitions() throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions == null) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.LINE_EVENTS))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(Topics.LINE_EVENTS);
            partitions = topic.partitions().stream()
                    .map(info -> new TopicPartition(Topics.LINE_EVENTS, info.partition()))
                    .toList();
        }
        return partitions;
    }

    @Override
    public void close() {
        admin.close(ADMIN_TIMEOUT);
    }
}
