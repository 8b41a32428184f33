package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.KeyState;
import dev.keyline.ledger.repository.JournalEntryEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.events.BalanceChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Operator changes to a registered key: top-ups, unblocking and retirement, each journaled and published. */
@ApplicationScoped
public class KeyAdministrationService {

    private static final Logger LOG = Logger.getLogger(KeyAdministrationService.class);

    /** The largest allotment a key may reach, the same limit registration has. */
    public static final long MAX_ALLOTMENT = 100_000_000;

    private final AuditService audit;
    private final JournalWriter journal;
    private final LedgerEvents events;
    private final Outbox outbox;

    public KeyAdministrationService(AuditService audit, JournalWriter journal, LedgerEvents events, Outbox outbox) {
        this.audit = audit;
        this.journal = journal;
        this.events = events;
        this.outbox = outbox;
    }

    /**
     * Adds activations to a key's allotment. A reference (order or case number) becomes part of the journal entry's
     * event id, {@code top-up:<reference>}, so the chain carries it and the same reference cannot top up a key twice.
     * A key that Microsoft reported exhausted is active again afterwards; a blocked or retired key keeps its state.
     */
    public Uni<ProductKeyEntity> topUp(String keyId, long activations, String reference) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = reference == null ? "top-up-" + UUID.randomUUID() : "top-up:" + reference;
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .call(key ->
                                reference == null ? Uni.createFrom().voidItem() : requireNewReference(key, changeId))
                        .invoke(key -> {
                            long allotment = key.allotment + activations;
                            if (allotment > MAX_ALLOTMENT) {
                                throw ProblemException.conflict(
                                        "allotment-too-large",
                                        "topping up key '" + keyId + "' by " + activations
                                                + " would make its allotment "
                                                + allotment + ", above the maximum of " + MAX_ALLOTMENT
                                                + "; nothing changed. Check the number of activations");
                            }
                            key.allotment = allotment;
                            if (KeyState.EXHAUSTED.wireName().equals(key.state)) {
                                key.state = KeyState.ACTIVE.wireName();
                                key.stateReason = null;
                            }
                        })
                        .call(key -> journal.append(key, changeId, EntryType.TOPPED_UP, null, activations, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof(
                        "topped up key %s by %d to allotment %d, state %s (change %s)",
                        keyId, activations, key.allotment, key.state, changeId));
    }

    private static Uni<Void> requireNewReference(ProductKeyEntity key, String changeId) {
        return JournalEntryEntity.<JournalEntryEntity>find("keyId = ?1 and eventId = ?2", key.keyId, changeId)
                .firstResult()
                .invoke(earlier -> {
                    if (earlier != null) {
                        throw ProblemException.conflict(
                                "top-up-already-booked",
                                "key '" + key.keyId + "' was already topped up by " + earlier.allotmentDelta
                                        + " with this reference at " + earlier.occurredAt
                                        + "; nothing changed. Give a new reference for another top-up");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Returns a blocked key to use once Microsoft lifted the block, or once an operator found the failure that marked
     * it to be false. The reference (Microsoft's case number or the operator's ticket) becomes the journal entry's
     * event id, {@code unblock:<reference>}, so the chain carries it; a reference names one unblock per key. An
     * activation failure with a blocked HRESULT booked afterwards marks the key blocked again, whatever its time.
     */
    public Uni<ProductKeyEntity> unblock(String keyId, String reference) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = BalanceChanged.UNBLOCK_CAUSE + reference;
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .invoke(key -> {
                            if (!KeyState.BLOCKED.wireName().equals(key.state)) {
                                throw ProblemException.conflict(
                                        "key-not-blocked",
                                        "key '" + keyId + "' is " + key.state + ", not blocked; nothing changed."
                                                + " Only a blocked key can be unblocked; top up an exhausted key");
                            }
                        })
                        .call(key -> requireNewUnblockReference(key, changeId))
                        .invoke(key -> {
                            key.state = KeyState.ACTIVE.wireName();
                            key.stateReason = null;
                        })
                        .call(key -> journal.append(key, changeId, EntryType.UNBLOCKED, null, 0, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof("unblocked key %s (change %s)", keyId, changeId));
    }

    private static Uni<Void> requireNewUnblockReference(ProductKeyEntity key, String changeId) {
        return JournalEntryEntity.<JournalEntryEntity>find("keyId = ?1 and eventId = ?2", key.keyId, changeId)
                .firstResult()
                .invoke(earlier -> {
                    if (earlier != null) {
                        throw ProblemException.conflict(
                                "unblock-already-booked",
                                "key '" + key.keyId + "' was already unblocked with this reference at "
                                        + earlier.occurredAt + " and was blocked again since; nothing changed."
                                        + " Give the reference of the new case");
                    }
                })
                .replaceWithVoid();
    }

    /** Takes a key out of use for good, with the operator's reason (null for none) as its state reason. */
    public Uni<ProductKeyEntity> retire(String keyId, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = "retire-" + UUID.randomUUID();
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .invoke(key -> {
                            if (KeyState.RETIRED.wireName().equals(key.state)) {
                                throw ProblemException.conflict(
                                        "key-retired", "key '" + keyId + "' is already retired; nothing changed");
                            }
                            key.state = KeyState.RETIRED.wireName();
                            key.stateReason =
                                    reason == null ? "retired by an operator" : "retired by an operator: " + reason;
                        })
                        .call(key -> journal.append(key, changeId, EntryType.RETIRED, null, 0, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof("retired key %s (change %s)", keyId, changeId));
    }
}
