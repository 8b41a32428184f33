package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.MicrosoftReading;
import dev.keyline.ledger.domain.ReadingFile;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Records Microsoft-reported remaining activations per key. A reading already imported (same key, time and count)
 * changes nothing, so importing the same file twice is harmless. A reading with another count for a key and time
 * already recorded is not recorded and comes back as {@code conflicting}. The newest reading sets the key's reported
 * figures.
 */
@ApplicationScoped
public class ReadingImportService {

    private static final Logger LOG = Logger.getLogger(ReadingImportService.class);
    private static final String INSERT =
            "INSERT INTO microsoft_readings (key_id, remaining, read_at, source, allotment)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key_id, read_at, remaining) DO NOTHING";

    /** The counts recorded for a key at one time: none, or the one count a reading gave then. */
    private static final String COUNTS_AT_SAME_TIME =
            "SELECT remaining FROM microsoft_readings WHERE key_id = ?1 AND read_at = ?2 ORDER BY id";

    /**
     * The allotment recorded with the same reading by an earlier import, or -1 when that import predates the column.
     * An import of the same file again reports the reading's use with it, though a top-up booked since may be dated
     * before the reading.
     */
    private static final String STORED_ALLOTMENT =
            "SELECT CAST(coalesce(allotment, -1) AS bigint) FROM microsoft_readings"
                    + " WHERE key_id = ?1 AND read_at = ?2 AND remaining = ?3";

    /** The activations booked for times up to a reading's: what the reading's count can be compared with. */
    private static final String CONSUMED_AS_OF = "SELECT CAST(coalesce(sum(consumed_delta), 0) AS bigint) FROM journal"
            + " WHERE key_id = ?1 AND occurred_at <= ?2";

    /** The allotment as of a time: the registration's, plus every top-up up to then. */
    private static final String ALLOTMENT_AS_OF =
            "SELECT CAST(coalesce(sum(allotment_delta), 0) AS bigint) FROM journal"
                    + " WHERE key_id = ?1 AND (entry_type = 'REGISTERED' OR occurred_at <= ?2)";

    private final LedgerEvents events;
    private final Outbox outbox;

    public ReadingImportService(LedgerEvents events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
    }

    public Uni<ImportResult> importReadings(ReadingFile file, String source) {
        return Panache.withTransaction(() -> ProductKeyEntity.<ProductKeyEntity>list("order by keyId")
                        .map(keys -> file.readings().stream()
                                .map(reading -> new MatchedReading(reading, match(reading, keys)))
                                .toList())
                        .call(ReadingImportService::lockMatchedKeys)
                        .chain(matched -> {
                            List<ImportedReading> outcomes = new ArrayList<>();
                            Map<String, ProductKeyEntity> touched = new LinkedHashMap<>();
                            return Multi.createFrom()
                                    .iterable(matched)
                                    .onItem()
                                    .transformToUniAndConcatenate(item -> record(item.reading(), item.match(), source)
                                            .invoke(outcome -> {
                                                outcomes.add(outcome);
                                                if ("recorded".equals(outcome.outcome())) {
                                                    ProductKeyEntity key =
                                                            item.match().key();
                                                    touched.put(key.keyId, key);
                                                }
                                            }))
                                    .collect()
                                    .last()
                                    .chain(() -> outbox.append(balances(touched)))
                                    .map(ignored -> result(file, outcomes));
                        }))
                .invoke(result -> LOG.infof(
                        "imported %d Microsoft readings from %s: %d recorded, %d unchanged, %d unmatched,"
                                + " %d conflicting, %d full keys dropped",
                        result.readings().size(),
                        source,
                        result.recorded(),
                        result.unchanged(),
                        result.unmatched(),
                        result.conflicting(),
                        result.fullKeysDropped()));
    }

    private Uni<ImportedReading> record(MicrosoftReading reading, Match match, String source) {
        ProductKeyEntity key = match.key();
        if (key == null) {
            return Uni.createFrom()
                    .item(new ImportedReading(
                            reading.line(),
                            reading.keyId(),
                            reading.partialKey(),
                            reading.remaining(),
                            reading.readAt(),
                            "unmatched",
                            null,
                            match.reason()));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNTS_AT_SAME_TIME, Long.class)
                .setParameter(1, key.keyId)
                .setParameter(2, reading.readAt())
                .getResultList()
                .chain(counts -> {
                    if (!counts.isEmpty() && !counts.contains(reading.remaining())) {
                        return Uni.createFrom().item(conflicting(reading, key, counts.get(0)));
                    }
                    return insert(session, reading, key, source);
                }));
    }

    /** Records a reading unless the same one was recorded before, and makes it the key's newest when it is. */
    private static Uni<ImportedReading> insert(
            Mutiny.Session session, MicrosoftReading reading, ProductKeyEntity key, String source) {
        return allotmentOf(session, key, reading)
                .chain(allotment -> reading.remaining() > allotment
                        ? Uni.createFrom().item(aboveAllotment(reading, key, allotment))
                        : session.createNativeQuery(INSERT)
                                .setParameter(1, key.keyId)
                                .setParameter(2, reading.remaining())
                                .setParameter(3, reading.readAt())
                                .setParameter(4, source)
                                .setParameter(5, allotment)
                                .executeUpdate()
                                .chain(inserted -> asOf(session, CONSUMED_AS_OF, key, reading)
                                        .map(consumed -> {
                                            boolean newest = key.reportedAt == null
                                                    || !reading.readAt().isBefore(key.reportedAt);
                                            if (inserted == 1 && newest) {
                                                key.reportedRemaining = reading.remaining();
                                                key.reportedAt = reading.readAt();
                                                key.reportedAllotment = allotment;
                                                key.reportedConsumed = consumed;
                                            }
                                            long unexplained = allotment - reading.remaining() - consumed;
                                            String outcome = inserted == 1 ? "recorded" : "unchanged";
                                            return outcome(reading, key, outcome, unexplained, null);
                                        })));
    }

    /** Returns the allotment recorded with the same reading before, else the key's allotment as of its time. */
    private static Uni<Long> allotmentOf(Mutiny.Session session, ProductKeyEntity key, MicrosoftReading reading) {
        return session.createNativeQuery(STORED_ALLOTMENT, Long.class)
                .setParameter(1, key.keyId)
                .setParameter(2, reading.readAt())
                .setParameter(3, reading.remaining())
                .getResultList()
                .chain(stored -> stored.isEmpty() || stored.get(0) < 0
                        ? asOf(session, ALLOTMENT_AS_OF, key, reading)
                        : Uni.createFrom().item(stored.get(0)));
    }

    /** Returns a sum of the key's journal as of the reading's time, such as {@link #CONSUMED_AS_OF}. */
    private static Uni<Long> asOf(Mutiny.Session session, String sum, ProductKeyEntity key, MicrosoftReading reading) {
        return session.createNativeQuery(sum, Long.class)
                .setParameter(1, key.keyId)
                .setParameter(2, reading.readAt())
                .getSingleResult();
    }

    /**
     * Returns the outcome of a reading that gives another count for a key and time already recorded. Microsoft reports
     * one count per key at a time, so one of the two exports is wrong. The ledger keeps the first, and the operator
     * decides which is right.
     */
    private static ImportedReading conflicting(MicrosoftReading reading, ProductKeyEntity key, long recorded) {
        return outcome(
                reading,
                key,
                "conflicting",
                null,
                "a reading of " + key.keyId + " at " + reading.readAt() + " with " + recorded
                        + " remaining is recorded already; check which export is right, and import a newer reading"
                        + " to replace it");
    }

    /**
     * Returns the outcome of a reading whose remaining count is above the key's allotment as of its time. Microsoft
     * counts down from the activations it granted, so the export or the ledger's allotment is wrong. Recording
     * it would make the unexplained use negative and resolve an alert about a leak.
     */
    private static ImportedReading aboveAllotment(MicrosoftReading reading, ProductKeyEntity key, long allotment) {
        return outcome(
                reading,
                key,
                "conflicting",
                null,
                "the reading has " + reading.remaining() + " remaining, more than the allotment of " + allotment
                        + " that " + key.keyId + " had at " + reading.readAt() + "; check the export, or top up the"
                        + " key first if Microsoft granted more activations");
    }

    /**
     * Returns the outcome of a reading matched to a key, with the unexplained use as of the reading's time (null for a
     * reading that was not recorded).
     */
    private static ImportedReading outcome(
            MicrosoftReading reading, ProductKeyEntity key, String outcome, Long unexplained, String reason) {
        return new ImportedReading(
                reading.line(),
                key.keyId,
                key.partialKey,
                reading.remaining(),
                reading.readAt(),
                outcome,
                unexplained,
                reason);
    }

    /**
     * Locks the keys the readings match and reads them again under the lock. The database orders the lock as booking's
     * does ({@code ORDER BY key_id}), so the two wait for each other instead of deadlocking whatever the database's
     * collation. Keys the file does not name stay free, so their bookings go on while a large file is imported.
     */
    private static Uni<Void> lockMatchedKeys(List<MatchedReading> readings) {
        Set<String> matched = new HashSet<>();
        for (MatchedReading reading : readings) {
            if (reading.match().key() != null) {
                matched.add(reading.match().key().keyId);
            }
        }
        if (matched.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ProductKeyEntity.find("keyId in ?1 order by keyId", matched)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .<ProductKeyEntity>list()
                .chain(locked -> Panache.getSession().chain(session -> Multi.createFrom()
                        .iterable(locked)
                        .onItem()
                        .transformToUniAndConcatenate(session::refresh)
                        .collect()
                        .last()))
                .replaceWithVoid();
    }

    /** A reading of the file with the registered key it names. */
    private record MatchedReading(MicrosoftReading reading, Match match) {}

    /** The registered key a reading names, or null with the reason none was matched. */
    private record Match(ProductKeyEntity key, String reason) {

        static Match of(ProductKeyEntity key, String reasonIfNone) {
            return new Match(key, key == null ? reasonIfNone : null);
        }
    }

    /**
     * Finds the registered key a reading names: by fingerprint, then key id, then a unique partial key. A reading whose
     * key id or partial key belongs to another key than the one found matches none, because one of them is wrong.
     */
    private static Match match(MicrosoftReading reading, List<ProductKeyEntity> keys) {
        if (reading.fingerprint() != null) {
            ProductKeyEntity key = keys.stream()
                    .filter(k -> k.fingerprint.equals(reading.fingerprint()))
                    .findFirst()
                    .orElse(null);
            return key == null
                    ? new Match(
                            null, "no registered key is this full key; register it first, then import the file again")
                    : checked(reading, key, true);
        }
        if (reading.keyId() != null) {
            ProductKeyEntity key = keys.stream()
                    .filter(k -> k.keyId.equals(reading.keyId()))
                    .findFirst()
                    .orElse(null);
            return key == null
                    ? new Match(
                            null,
                            "no key is registered as " + reading.keyId() + "; check the key id or register the key")
                    : checked(reading, key, false);
        }
        if (reading.partialKey() == null) {
            return new Match(null, "the entry names no key; give the full key, the key id or the partial key");
        }
        List<ProductKeyEntity> byPartial = keys.stream()
                .filter(k -> k.partialKey.equals(reading.partialKey()))
                .toList();
        if (byPartial.size() > 1) {
            return new Match(
                    null,
                    "partial key " + reading.partialKey() + " matches " + byPartial.size() + " registered keys ("
                            + String.join(
                                    ", ", byPartial.stream().map(k -> k.keyId).toList())
                            + "); give the key id or the full key in the file");
        }
        return Match.of(
                byPartial.isEmpty() ? null : byPartial.get(0),
                "no registered key ends in " + reading.partialKey() + "; register the key, or check the partial key");
    }

    /**
     * Returns the match of {@code key}, found by the reading's full key or else by its key id, unless the reading's
     * other identifiers name another key.
     */
    private static Match checked(MicrosoftReading reading, ProductKeyEntity key, boolean byFullKey) {
        String found = byFullKey ? "the full key is registered as " + key.keyId : key.keyId;
        String fixed = byFullKey ? "the key" : "the key id";
        if (reading.keyId() != null && !reading.keyId().equals(key.keyId)) {
            return new Match(
                    null,
                    found + ", but the entry names key id " + reading.keyId() + "; correct the key id or " + fixed
                            + " in the file");
        }
        if (reading.partialKey() != null && !reading.partialKey().equals(key.partialKey)) {
            return new Match(
                    null,
                    found + (byFullKey ? ", which ends in " : " ends in ") + key.partialKey
                            + ", but the entry names partial key " + reading.partialKey()
                            + "; correct the partial key or " + fixed + " in the file");
        }
        return new Match(key, null);
    }

    private List<OutboxMessage> balances(Map<String, ProductKeyEntity> touched) {
        Instant now = Instant.now();
        return touched.values().stream()
                .map(key -> events.balanceChanged(key, "microsoft-reading", now))
                .toList();
    }

    private static ImportResult result(ReadingFile file, List<ImportedReading> outcomes) {
        return new ImportResult(
                count(outcomes, "recorded"),
                count(outcomes, "unchanged"),
                count(outcomes, "unmatched"),
                count(outcomes, "conflicting"),
                file.fullKeysDropped(),
                outcomes,
                file.problems());
    }

    private static int count(List<ImportedReading> outcomes, String outcome) {
        return (int) outcomes.stream().filter(o -> o.outcome().equals(outcome)).count();
    }
}
