package dev.keyline.station.repository;

import dev.keyline.schemas.EventType;
import dev.keyline.schemas.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Reads the {@code key_balances} table in the caller's Hibernate session. */
@ApplicationScoped
public class KeyBalanceRepository implements PanacheRepositoryBase<KeyBalanceEntity, String> {

    /**
     * Counts the devices of the key's provisionings that this service wrote to the outbox after the event its stored
     * balance booked through ({@code booked_through_seq}), including those of the caller's own transaction. A device
     * provisioned twice counts once, because the ledger commits a device that has not activated only once.
     */
    private static final String UNBOOKED = "SELECT count(DISTINCT CAST(o.payload AS jsonb) ->> 'subject')"
            + " FROM outbox AS o JOIN key_balances AS k"
            + " ON o.record_key = k.key_id AND o.seq > COALESCE(k.booked_through_seq, 0)"
            + " WHERE k.key_id = ?1 AND o.topic = '" + Topics.LINE_EVENTS + "'"
            + " AND CAST(o.headers AS jsonb) ->> 'ce_type' = '" + EventType.DEVICE_PROVISIONED.type() + "'";

    public Uni<List<KeyBalanceEntity>> byPartialKey(String partialKey) {
        return list("partialKey", partialKey);
    }

    /** Returns the key's balance, locked until the caller's transaction ends, or null when there is none. */
    public Uni<KeyBalanceEntity> findLocked(String keyId) {
        return findById(keyId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Returns the balances of the keys with {@code partialKey}, locked until the caller's transaction ends. */
    public Uni<List<KeyBalanceEntity>> byPartialKeyLocked(String partialKey) {
        return find("partialKey", Sort.by("keyId"), partialKey)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Returns how many provisionings of the key its stored balance does not count yet. */
    public Uni<Long> unbookedProvisionings(String keyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UNBOOKED, Long.class)
                .setParameter(1, keyId)
                .getSingleResult());
    }

    /** Returns the ids of the keys whose latest balance has {@code partialKey}, in id order. */
    public Uni<List<String>> keyIdsWithPartialKey(String partialKey) {
        return list("partialKey", Sort.by("keyId"), partialKey)
                .map(balances -> balances.stream().map(balance -> balance.keyId).toList());
    }

    /** Returns the key ids of registered keys by fingerprint. */
    public Uni<List<KeyBalanceEntity>> withFingerprint() {
        return list("fingerprint is not null");
    }
}
