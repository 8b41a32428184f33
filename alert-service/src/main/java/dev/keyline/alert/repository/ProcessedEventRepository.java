package dev.keyline.alert.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records applied event ids. The service inserts the id in the transaction of the alert change, and the primary key
 * rejects a second row, so each event changes the alerts at most once.
 */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEventEntity, String> {

    /** Deletes the old ids, adds them to their topics' pruned counts and returns how many it deleted. */
    private static final String PRUNE = "WITH deleted AS (DELETE FROM processed_events WHERE processed_at < ?1"
            + " RETURNING topic), counted AS (SELECT topic, count(*) AS n FROM deleted GROUP BY topic),"
            + " added AS (INSERT INTO pruned_event_counts (topic, pruned) SELECT topic, n FROM counted"
            + " ON CONFLICT (topic) DO UPDATE SET pruned = pruned_event_counts.pruned + EXCLUDED.pruned)"
            + " SELECT coalesce(sum(n), 0)::bigint FROM counted";

    private static final String COUNT = "SELECT (SELECT count(*) FROM processed_events WHERE topic = ?1)"
            + " + coalesce((SELECT pruned FROM pruned_event_counts WHERE topic = ?1), 0)";

    private static final String INSERT =
            "INSERT INTO processed_events (event_id, topic) VALUES (?1, ?2)" + " ON CONFLICT (event_id) DO NOTHING";

    /**
     * Records an event id in the caller's transaction. Returns false when the id was recorded before, so the caller
     * must skip the event.
     */
    public Uni<Boolean> markProcessed(String eventId, String topic) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, eventId)
                        .setParameter(2, topic)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Deletes the ids recorded before {@code cutoff} and adds them to the pruned count of their topic, in the caller's
     * transaction. Returns how many were deleted.
     */
    public Uni<Long> pruneRecordedBefore(Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PRUNE, Long.class)
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .getSingleResult());
    }

    /**
     * Counts the events processed from {@code topic}: the ids recorded now and those pruning deleted. One statement
     * reads both, so a pruning that commits meanwhile cannot make an id count twice or not at all.
     */
    public Uni<Long> countByTopic(String topic) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT, Long.class)
                .setParameter(1, topic)
                .getSingleResult());
    }

    /** Counts the events processed from all of {@code topics}, as {@link #countByTopic} does for one. */
    public Uni<Long> countByTopics(List<String> topics) {
        Uni<Long> sum = Uni.createFrom().item(0L);
        for (String topic : topics) {
            sum = sum.chain(total -> countByTopic(topic).map(count -> total + count));
        }
        return sum;
    }
}
