package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.ChainVerification;
import dev.keyline.ledger.domain.EntryType;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** Read-only views for auditors: journal ranges, chain verification, balances as of a past instant. */
@ApplicationScoped
public class AuditService {

    private static final String RANGE = "keyId = :keyId and bookedAt >= :from and bookedAt < :to";

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

    public Uni<ChainVerification> verify(String keyId) {
        return requireKey(keyId)
                .chain(key -> JournalEntryEntity.<JournalEntryEntity>find("keyId", Sort.by("seq"), keyId)
                        .list()
                        .map(entries -> ChainVerification.verify(
                                keyId,
                                entries.stream().map(AuditService::row).toList(),
                                key.chainHead,
                                new JournalTotals(key.allotment, key.committed, key.consumed, key.unattributed),
                                Instant.now())));
    }

    /** Sums the journal up to and including {@code at}, by the time each entry was booked. */
    public Uni<BalanceAsOf> balanceAsOf(String keyId, Instant at) {
        return requireKey(keyId).chain(key -> JournalEntryEntity.<JournalEntryEntity>find(
                        "keyId = ?1 and bookedAt <= ?2", Sort.by("seq"), keyId, at)
                .list()
                .map(entries -> {
                    long allotment = 0;
                    long committed = 0;
                    long consumed = 0;
                    long unattributed = 0;
                    for (JournalEntryEntity entry : entries) {
                        allotment += entry.allotmentDelta;
                        committed += entry.committedDelta;
                        consumed += entry.consumedDelta;
                        if (EntryType.UNATTRIBUTED_CONSUMED.name().equals(entry.entryType)) {
                            unattributed++;
                        } else if (EntryType.MATCHED.name().equals(entry.entryType)) {
                            unattributed--;
                        }
                    }
                    String head = entries.isEmpty() ? null : entries.get(entries.size() - 1).hash;
                    return new BalanceAsOf(
                            keyId,
                            at,
                            allotment,
                            committed,
                            consumed,
                            allotment - consumed - committed,
                            unattributed,
                            entries.size(),
                            head);
                }));
    }

    private static JournalRow row(JournalEntryEntity entry) {
        return new JournalRow(
                entry.seq,
                entry.keyId,
                entry.eventId,
                EntryType.valueOf(entry.entryType),
                entry.serial,
                entry.allotmentDelta,
                entry.committedDelta,
                entry.consumedDelta,
                entry.occurredAt,
                entry.prevHash,
                entry.hash,
                entry.bookedAt);
    }
}
