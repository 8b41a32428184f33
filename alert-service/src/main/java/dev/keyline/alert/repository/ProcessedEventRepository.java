package dev.keyline.alert.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records applied event ids. The service inserts the id in the transaction of the alert change, and the primary key
 * rejects a second row, so each event changes the alerts at most once.
 */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEventEntity, String> {

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

    public Uni<Long> countByTopic(String topic) {
        return count("topic", topic);
    }

    public Uni<Long> countByTopics(List<String> topics) {
        return count("topic in ?1", topics);
    }
}
