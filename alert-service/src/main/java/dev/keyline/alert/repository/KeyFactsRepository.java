package dev.keyline.alert.repository;

import dev.keyline.alert.domain.ExhaustionMark;
import dev.keyline.schemas.events.BalanceChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code key_facts} in the caller's transaction. */
@ApplicationScoped
public class KeyFactsRepository {

    private static final String COLUMNS = "key_id, partial_key, fingerprint, allotment, available, state,"
            + " exhausted_at_allotment, exhausted_reason";

    private static final String SAVE_BALANCE = "INSERT INTO key_facts (" + COLUMNS + ", updated_at)"
            + " VALUES (?1, ?2, CAST(?3 AS text), ?4, ?5, CAST(?6 AS text), CAST(?7 AS bigint), CAST(?8 AS "
            + "text), now())"
            + " ON CONFLICT (key_id) DO UPDATE SET partial_key = excluded.partial_key,"
            + " fingerprint = coalesce(excluded.fingerprint, key_facts.fingerprint), allotment = excluded.allotment,"
            + " available = excluded.available, state = excluded.state,"
            + " exhausted_at_allotment = excluded.exhausted_at_allotment,"
            + " exhausted_reason = excluded.exhausted_reason, updated_at = now()";

    private static final String SAVE_MARK = "INSERT INTO key_facts (key_id, partial_key, exhausted_at_allotment,"
            + " exhausted_reason, updated_at) VALUES (?1, CAST(?2 AS text), ?3, ?4, now())"
            + " ON CONFLICT (key_id) DO UPDATE SET exhausted_at_allotment = excluded.exhausted_at_allotment,"
            + " exhausted_reason = excluded.exhausted_reason, updated_at = now()";

    private static final String REMEMBER_KEY = "INSERT INTO key_facts (key_id, partial_key, updated_at)"
            + " VALUES (?1, CAST(?2 AS text), now()) ON CONFLICT (key_id) DO UPDATE"
            + " SET partial_key = coalesce(key_facts.partial_key, excluded.partial_key)";

    public Uni<Optional<KeyFactsRow>> find(String keyId) {
        return NativeRows.select("SELECT " + COLUMNS + " FROM key_facts WHERE key_id = ?1", keyId)
                .map(rows -> rows.stream().findFirst().map(KeyFactsRepository::toRow));
    }

    /** Returns the id of the one key with this partial key, or empty when no key or several keys have it. */
    public Uni<Optional<String>> findKeyIdByPartialKey(String partialKey) {
        return keyIds("SELECT key_id FROM key_facts WHERE partial_key = ?1 ORDER BY key_id LIMIT 2", partialKey);
    }

    /** Returns the id of the key with this fingerprint, as the ledger announced it in its balances. */
    public Uni<Optional<String>> findKeyIdByFingerprint(String fingerprint) {
        return keyIds("SELECT key_id FROM key_facts WHERE fingerprint = ?1 ORDER BY key_id LIMIT 2", fingerprint);
    }

    /** Stores a balance and the key's exhaustion mark after it. */
    public Uni<Integer> saveBalance(BalanceChanged balance, Optional<ExhaustionMark> mark) {
        return NativeRows.execute(
                SAVE_BALANCE,
                balance.keyId(),
                balance.partialKey(),
                balance.fingerprint(),
                balance.allotment(),
                balance.available(),
                balance.state(),
                mark.map(ExhaustionMark::allotment).orElse(null),
                mark.map(ExhaustionMark::reason).orElse(null));
    }

    /** Stores an exhaustion mark reported by an activation, adding the key when no balance was seen yet. */
    public Uni<Integer> saveMark(String keyId, String partialKey, ExhaustionMark mark) {
        return NativeRows.execute(SAVE_MARK, keyId, partialKey, mark.allotment(), mark.reason());
    }

    /** Records that a key id goes with a partial key, as a provisioning report showed, unless it is known. */
    public Uni<Integer> rememberKey(String keyId, String partialKey) {
        return NativeRows.execute(REMEMBER_KEY, keyId, partialKey);
    }

    private static Uni<Optional<String>> keyIds(String sql, String parameter) {
        return NativeRows.select(sql, parameter).map(KeyFactsRepository::single);
    }

    // A one-column native query can return the values themselves rather than one-element arrays.
    private static Optional<String> single(List<?> rows) {
        if (rows.size() != 1) {
            return Optional.empty();
        }
        Object row = rows.get(0);
        return Optional.of(NativeRows.text(row instanceof Object[] array ? array[0] : row));
    }

    private static KeyFactsRow toRow(Object[] row) {
        return new KeyFactsRow(
                NativeRows.text(row[0]),
                NativeRows.text(row[1]),
                NativeRows.text(row[2]),
                NativeRows.longValue(row[3]),
                NativeRows.longValue(row[4]),
                NativeRows.text(row[5]),
                NativeRows.longValue(row[6]),
                NativeRows.text(row[7]));
    }
}
