package dev.keyline.station.repository;

import dev.keyline.schemas.EventType;
import dev.keyline.schemas.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

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

    /**
     * Locks the balance rows of the keys named by id or by partial key until the caller's transaction ends, all in key
     * order, so that two transactions that lock several keys each cannot wait for each other.
     */
    public Uni<Void> lockInKeyOrder(Collection<String> keyIds, Collection<String> partialKeys) {
        if (keyIds.isEmpty() && partialKeys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> values = new ArrayList<>(keyIds);
        values.addAll(partialKeys);
        String statement = "SELECT key_id FROM key_balances WHERE key_id IN (" + placeholders(1, keyIds.size())
                + ") OR partial_key IN (" + placeholders(keyIds.size() + 1, partialKeys.size())
                + ") ORDER BY key_id FOR UPDATE";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement, String.class);
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query.getResultList().replaceWithVoid();
        });
    }

    /** Returns {@code count} positional parameters from {@code ?first} on, or NULL for none. */
    private static String placeholders(int first, int count) {
        if (count == 0) {
            return "NULL";
        }
        return String.join(
                ", ",
                IntStream.range(first, first + count).mapToObj(i -> "?" + i).toList());
    }

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
