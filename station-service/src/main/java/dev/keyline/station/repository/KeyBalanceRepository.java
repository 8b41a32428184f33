package dev.keyline.station.repository;

import dev.keyline.schemas.EventType;
import dev.keyline.schemas.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the {@code key_balances} table in the caller's Hibernate session. */
@ApplicationScoped
public class KeyBalanceRepository implements PanacheRepositoryBase<KeyBalanceEntity, String> {

    /**
     * The query that counts the devices other than ?2 that key ?1 was provisioned with after its balance's position
     * ({@code booked_through_seq}), the caller's own transaction included. A device counts once, because the ledger
     * commits a device that has not activated once, and so the device being checked does not count against itself.
     */
    private static final String UNBOOKED = "SELECT count(DISTINCT unbooked.serial) FROM ("
            + "SELECT CAST(o.payload AS jsonb) ->> 'subject' AS serial"
            + " FROM outbox AS o JOIN key_balances AS k"
            + " ON o.record_key = k.key_id AND o.seq > COALESCE(k.booked_through_seq, 0)"
            + " WHERE k.key_id = ?1 AND o.topic = '" + Topics.LINE_EVENTS + "'"
            + " AND CAST(o.headers AS jsonb) ->> 'ce_type' = '" + EventType.DEVICE_PROVISIONED.type() + "'"
            + ") AS unbooked WHERE unbooked.serial <> ?2";

    /** The statement that locks one key's balance row, native because the session may hold the row already. */
    private static final String LOCK_KEY = "SELECT key_id FROM key_balances WHERE key_id = ?1 FOR UPDATE";

    /** The statement that locks the balance rows of the keys with a partial key, in key order. */
    private static final String LOCK_PARTIAL_KEY =
            "SELECT key_id FROM key_balances WHERE partial_key = ?1 ORDER BY key_id FOR UPDATE";

    public Uni<List<KeyBalanceEntity>> byPartialKey(String partialKey) {
        return list("partialKey", partialKey);
    }

    /**
     * Returns the key's balance as stored, locked until the caller's transaction ends, or null when there is none. It
     * locks first and then reads the row again, so an entity that an earlier item of the request loaded does not give
     * figures older than the lock.
     */
    public Uni<KeyBalanceEntity> findLocked(String keyId) {
        return lockThenRead(LOCK_KEY, keyId).map(balances -> balances.isEmpty() ? null : balances.get(0));
    }

    /** Returns the balances of the keys with {@code partialKey} as {@link #findLocked} does, in key order. */
    public Uni<List<KeyBalanceEntity>> byPartialKeyLocked(String partialKey) {
        return lockThenRead(LOCK_PARTIAL_KEY, partialKey);
    }

    private Uni<List<KeyBalanceEntity>> lockThenRead(String lockStatement, String value) {
        return Panache.getSession().chain(session -> session.createNativeQuery(lockStatement, String.class)
                .setParameter(1, value)
                .getResultList()
                .chain(keyIds -> Multi.createFrom()
                        .iterable(keyIds)
                        .onItem()
                        .transformToUniAndConcatenate(keyId ->
                                session.find(KeyBalanceEntity.class, keyId).call(balance -> session.refresh(balance)))
                        .collect()
                        .asList()));
    }

    /** Returns how many devices other than {@code serial} were provisioned with the key and are not booked yet. */
    public Uni<Long> unbookedProvisionings(String keyId, String serial) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UNBOOKED, Long.class)
                .setParameter(1, keyId)
                .setParameter(2, serial)
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
