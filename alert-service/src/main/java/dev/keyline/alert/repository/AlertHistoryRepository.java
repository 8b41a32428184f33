package dev.keyline.alert.repository;

import dev.keyline.alert.domain.Acknowledgement;
import dev.keyline.alert.domain.AlertTransition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appends to and reads {@code alert_history}. */
@ApplicationScoped
public class AlertHistoryRepository implements PanacheRepositoryBase<AlertHistoryEntity, Long> {

    /** Appends one change of alert {@code alertId} in the caller's transaction. */
    public Uni<AlertHistoryEntity> append(UUID alertId, AlertTransition transition, Instant occurredAt, String actor) {
        AlertHistoryEntity entry = new AlertHistoryEntity();
        entry.alertId = alertId;
        entry.change = transition.kind().wireName();
        entry.status = transition.state().status().wireName();
        entry.severity = transition.state().severity().wireName();
        entry.summary = transition.state().summary();
        entry.occurrences = transition.state().occurrences();
        entry.occurredAt = occurredAt;
        entry.actor = actor;
        Acknowledgement acknowledgement = transition.state().acknowledgement();
        if (transition.kind() == AlertTransition.Kind.ACKNOWLEDGED && acknowledgement != null) {
            entry.comment = acknowledgement.comment();
        }
        return persist(entry);
    }

    /** Returns the alert's changes, oldest first. */
    public Uni<List<AlertHistoryEntity>> findByAlert(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}
