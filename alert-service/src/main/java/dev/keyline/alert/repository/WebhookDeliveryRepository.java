package dev.keyline.alert.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code webhook_deliveries} table, the webhook's queue. Changes are appended in the caller's transaction; the
 * sender reads and updates the queue with the reactive SQL client, outside any Hibernate session.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    private static final String INSERT =
            "INSERT INTO webhook_deliveries (alert_id, change, body) VALUES (CAST(?1 AS uuid), ?2, ?3)";

    // Deletes the oldest rows beyond the capacity ?1 and returns them, so each dropped change can be logged.
    private static final String TRIM = "DELETE FROM webhook_deliveries WHERE seq IN (SELECT seq FROM webhook_deliveries"
            + " ORDER BY seq DESC OFFSET ?1) RETURNING CAST(alert_id AS text), change";

    private static final String HEAD =
            "SELECT seq, alert_id, change, body, attempts FROM webhook_deliveries ORDER BY seq LIMIT 1";
    private static final String DELETE = "DELETE FROM webhook_deliveries WHERE seq = $1";
    private static final String FAILED = "UPDATE webhook_deliveries SET attempts = attempts + 1 WHERE seq = $1";

    private final Pool pool;

    public WebhookDeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** A change waiting for the webhook. */
    public record QueuedChange(long seq, UUID alertId, String change, String body, int attempts) {}

    /** A change dropped because the queue was full. */
    public record DroppedChange(String alertId, String change) {}

    /** Appends a change in the caller's transaction. */
    public Uni<Integer> append(UUID alertId, String change, String body) {
        return NativeRows.execute(INSERT, alertId.toString(), change, body);
    }

    /** Deletes the oldest changes beyond {@code capacity} in the caller's transaction, and returns them. */
    public Uni<List<DroppedChange>> trimTo(int capacity) {
        return NativeRows.select(TRIM, capacity).map(rows -> rows.stream()
                .map(row -> new DroppedChange(NativeRows.text(row[0]), NativeRows.text(row[1])))
                .toList());
    }

    /** Returns the oldest waiting change, if any. */
    public Uni<Optional<QueuedChange>> head() {
        return pool.query(HEAD).execute().map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new QueuedChange(
                    row.getLong("seq"),
                    row.getUUID("alert_id"),
                    row.getString("change"),
                    row.getString("body"),
                    row.getInteger("attempts")));
        });
    }

    /** Removes a change that was delivered or dropped. */
    public Uni<Void> delete(long seq) {
        return pool.preparedQuery(DELETE).execute(Tuple.of(seq)).replaceWithVoid();
    }

    /** Counts one more failed attempt of a change. */
    public Uni<Void> recordFailure(long seq) {
        return pool.preparedQuery(FAILED).execute(Tuple.of(seq)).replaceWithVoid();
    }
}
