package dev.keyline.ledger.service;

import dev.keyline.ledger.config.AuditConfig;
import dev.keyline.ledger.domain.ChainVerification;
import dev.keyline.ledger.domain.ChainVerifier;
import dev.keyline.ledger.domain.JournalRow;
import dev.keyline.ledger.domain.JournalTotals;
import dev.keyline.ledger.repository.JournalEntryEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Read-only views for auditors: journal ranges, chain verification, balances as of a past instant. */
@ApplicationScoped
public class AuditService {

    private static final String RANGE = "keyId = :keyId and bookedAt >= :from and bookedAt < :to";

    /** Makes the reads of one transaction see one snapshot, so the pages of a chain fit together during bookings. */
    private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private static final String STORED_KEY =
            "SELECT chain_head, allotment, committed, consumed, unattributed FROM product_keys WHERE key_id = $1";

    /**
     * Sums a key's entries booked up to an instant in PostgreSQL, in one statement and so in one snapshot. The chain
     * head at that instant is the hash of the last of them in journal order.
     */
    private static final String BALANCE_AS_OF = "SELECT count(*) AS entries,"
            + " CAST(coalesce(sum(allotment_delta), 0) AS bigint) AS allotment,"
            + " CAST(coalesce(sum(committed_delta), 0) AS bigint) AS committed,"
            + " CAST(coalesce(sum(consumed_delta), 0) AS bigint) AS consumed,"
            + " count(*) FILTER (WHERE entry_type = 'UNATTRIBUTED_CONSUMED')"
            + " - count(*) FILTER (WHERE entry_type = 'MATCHED') AS unattributed,"
            + " (SELECT hash FROM journal WHERE key_id = $1 AND booked_at <= $2 ORDER BY seq DESC LIMIT 1) AS head"
            + " FROM journal WHERE key_id = $1 AND booked_at <= $2";

    private static final String COUNT_BOOKED =
            "SELECT count(*) FROM journal WHERE key_id = $1 AND booked_at >= $2 AND booked_at < $3";

    private final Pool pool;
    private final int rowsPerRead;

    public AuditService(Pool pool, AuditConfig config) {
        if (config.rowsPerRead() < 1) {
            throw new IllegalArgumentException("keyline.ledger.audit.rows-per-read must be at least 1, got "
                    + config.rowsPerRead() + "; set it to a page size such as 5000");
        }
        this.pool = pool;
        this.rowsPerRead = config.rowsPerRead();
    }

    public Uni<ProductKeyEntity> requireKey(String keyId) {
        return ProductKeyEntity.<ProductKeyEntity>findById(keyId).map(key -> {
            if (key == null) {
                throw ProblemException.notFound("key", keyId, "list registered keys with GET /api/v1/keys");
            }
            return key;
        });
    }

    /**
     * Loads a key and locks its row until the transaction ends, as the booking engine does, so an operator change and
     * a booking batch never overwrite each other's counts or chain head.
     */
    public Uni<ProductKeyEntity> requireKeyForUpdate(String keyId) {
        return ProductKeyEntity.<ProductKeyEntity>findById(keyId, LockModeType.PESSIMISTIC_WRITE)
                .map(key -> {
                    if (key == null) {
                        throw ProblemException.notFound("key", keyId, "list registered keys with GET /api/v1/keys");
                    }
                    return key;
                });
    }

    public PanacheQuery<JournalEntryEntity> journal(String keyId, Instant from, Instant to) {
        return JournalEntryEntity.find(
                RANGE,
                Sort.by("seq"),
                Parameters.with("keyId", keyId).and("from", from).and("to", to));
    }

    public Uni<List<JournalEntryEntity>> journalPage(String keyId, Instant from, Instant to, int page, int size) {
        return journal(keyId, from, to).page(Page.of(page, size)).list();
    }

    /**
     * Checks a key's chain and counts, reading its entries {@code rows-per-read} at a time in one read-only snapshot,
     * so a long chain is never held in memory and entries booked meanwhile are not half seen.
     */
    public Uni<ChainVerification> verify(String keyId) {
        Instant now = Instant.now();
        return inSnapshot(connection -> storedKey(connection, keyId).chain(key -> {
            ChainVerifier verifier = new ChainVerifier(keyId, now);
            return JournalPages.forEach(connection, keyId, rowsPerRead, page -> page.forEach(verifier::accept))
                    .map(ignored -> verifier.result(
                            key.getString("chain_head"),
                            new JournalTotals(
                                    key.getLong("allotment"),
                                    key.getLong("committed"),
                                    key.getLong("consumed"),
                                    key.getLong("unattributed"))));
        }));
    }

    /**
     * Gives {@code page} the key's entries booked in {@code [from, to)}, in journal order and {@code rows-per-read} at
     * a time, from one read-only snapshot. Fails with 404 when the key is not registered, and with 400 when the range
     * contains more than {@code maxEntries}, before reading any entry.
     */
    public Uni<Void> exportJournal(
            String keyId, Instant from, Instant to, long maxEntries, Consumer<List<JournalRow>> page) {
        Tuple range = Tuple.of(keyId, MultiRowInsert.utc(from), MultiRowInsert.utc(to));
        return inSnapshot(connection -> storedKey(connection, keyId)
                .chain(key -> connection.preparedQuery(COUNT_BOOKED).execute(range))
                .chain(counts -> {
                    long entries = counts.iterator().next().getLong(0);
                    if (entries > maxEntries) {
                        throw ProblemException.invalidField(
                                "to",
                                "selects " + entries + " entries of key " + keyId + " booked from " + from + " to " + to
                                        + ", more than the " + maxEntries + " that one CSV export holds",
                                "export the key's journal in smaller ranges with from and to; each CSV of a range"
                                        + " starts with the prev_hash that links it to the range before");
                    }
                    return JournalPages.forEachBooked(connection, keyId, from, to, rowsPerRead, page);
                }));
    }

    /** Sums the journal up to and including {@code at}, by the time each entry was booked. */
    public Uni<BalanceAsOf> balanceAsOf(String keyId, Instant at) {
        return requireKey(keyId).chain(key -> pool.preparedQuery(BALANCE_AS_OF)
                .execute(Tuple.of(keyId, MultiRowInsert.utc(at)))
                .map(rows -> {
                    Row sums = rows.iterator().next();
                    long allotment = sums.getLong("allotment");
                    long committed = sums.getLong("committed");
                    long consumed = sums.getLong("consumed");
                    return new BalanceAsOf(
                            keyId,
                            at,
                            allotment,
                            committed,
                            consumed,
                            allotment - consumed - committed,
                            sums.getLong("unattributed"),
                            Math.toIntExact(sums.getLong("entries")),
                            sums.getString("head"));
                }));
    }

    private <T> Uni<T> inSnapshot(Function<SqlConnection, Uni<T>> reads) {
        return pool.withTransaction(
                connection -> connection.query(SNAPSHOT).execute().chain(ignored -> reads.apply(connection)));
    }

    private static Uni<Row> storedKey(SqlConnection connection, String keyId) {
        return connection.preparedQuery(STORED_KEY).execute(Tuple.of(keyId)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("key", keyId, "list registered keys with GET /api/v1/keys");
            }
            return rows.iterator().next();
        });
    }
}
