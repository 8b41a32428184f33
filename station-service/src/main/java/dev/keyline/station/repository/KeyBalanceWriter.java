package dev.keyline.station.repository;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.BalanceChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Stores a published balance with the reactive SQL client, outside Hibernate, so the Kafka consumer needs no Hibernate
 * session. With it goes the outbox position the balance has booked through: that of its cause event, the key's last
 * line event the ledger booked into it. A balance caused by an operator's action (a top-up, a retirement) names no line
 * event, so the position stays where the key's last booking left it. A key's first balance without a known cause counts
 * every event this service has sent as booked. A balance older than the stored one is ignored, so a redelivered or late
 * event never rolls a key back. Older means a lower version. The event's time decides only between balances without a
 * version, because a balance carries the time of the line events it booked, and a back-dated report makes that time go
 * back.
 */
@ApplicationScoped
public class KeyBalanceWriter {

    /**
     * The outbox position of the balance's cause event ($13), if this service wrote that event. An event read again
     * from a reposted event log is written again under its id. The ledger booked its first copy and dropped the others,
     * so the first position is the one booked through.
     */
    private static final String CAUSE_SEQ = "(SELECT min(seq) FROM outbox WHERE headers::jsonb ->> 'ce_id' = $13)";

    private static final String UPSERT = "INSERT INTO key_balances (key_id, partial_key, fingerprint, allotment,"
            + " committed, consumed, available, state, event_id, published_at, received_at, version,"
            + " booked_through_seq)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, COALESCE(" + CAUSE_SEQ + ","
            + " (SELECT max(seq) FROM outbox WHERE sent_at IS NOT NULL)))"
            + " ON CONFLICT (key_id) DO UPDATE SET partial_key = EXCLUDED.partial_key,"
            + " fingerprint = COALESCE(EXCLUDED.fingerprint, key_balances.fingerprint),"
            + " allotment = EXCLUDED.allotment, committed = EXCLUDED.committed, consumed = EXCLUDED.consumed,"
            + " available = EXCLUDED.available, state = COALESCE(EXCLUDED.state, key_balances.state),"
            + " event_id = EXCLUDED.event_id, published_at = EXCLUDED.published_at,"
            + " received_at = EXCLUDED.received_at, version = EXCLUDED.version,"
            + " booked_through_seq = COALESCE(GREATEST(" + CAUSE_SEQ + ", key_balances.booked_through_seq),"
            + " EXCLUDED.booked_through_seq)"
            + " WHERE CASE WHEN EXCLUDED.version IS NOT NULL"
            + " THEN key_balances.version IS NULL OR key_balances.version < EXCLUDED.version"
            + " WHEN key_balances.version IS NOT NULL THEN false"
            + " ELSE key_balances.published_at <= EXCLUDED.published_at END";

    private final Pool pool;

    public KeyBalanceWriter(Pool pool) {
        this.pool = pool;
    }

    /** Returns true when the balance was stored, false when a newer one was already there. */
    public Uni<Boolean> store(CloudEvent<BalanceChanged> event, Instant receivedAt) {
        BalanceChanged balance = event.data();
        Tuple values = Tuple.tuple()
                .addString(balance.keyId())
                .addString(balance.partialKey())
                .addString(balance.fingerprint())
                .addLong(balance.allotment())
                .addLong(balance.committed())
                .addLong(balance.consumed())
                .addLong(balance.available())
                .addString(balance.state())
                .addString(event.id())
                .addOffsetDateTime(event.time().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(receivedAt.atOffset(ZoneOffset.UTC))
                .addLong(balance.version())
                .addString(balance.causeEventId());
        return pool.preparedQuery(UPSERT).execute(values).map(rows -> rows.rowCount() == 1);
    }
}
