package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code idempotent_requests} table, by scope. */
@ApplicationScoped
public class IdempotentRequestRepository implements PanacheRepositoryBase<IdempotentRequest, String> {

    private static final String INSERT_IF_NEW = "INSERT INTO idempotent_requests"
            + " (scope, line_id, station_id, idempotency_key, request_hash, event_id, response, received_at)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (scope) DO NOTHING";

    /**
     * Inserts {@code row} in the caller's transaction and returns whether it was new. When another transaction is
     * inserting the same scope, PostgreSQL waits for it to end, and inserts nothing if it committed.
     */
    public Uni<Boolean> insertIfNew(IdempotentRequest row) {
        return getSession()
                .chain(session -> session.createNativeQuery(INSERT_IF_NEW)
                        .setParameter(1, row.scope)
                        .setParameter(2, row.lineId)
                        .setParameter(3, row.stationId)
                        .setParameter(4, row.idempotencyKey)
                        .setParameter(5, row.requestHash)
                        .setParameter(6, row.eventId)
                        .setParameter(7, row.response)
                        .setParameter(8, row.receivedAt)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
