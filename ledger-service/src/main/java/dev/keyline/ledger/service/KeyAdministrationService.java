package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.KeyState;
import dev.keyline.ledger.repository.JournalEntryEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.keys.KeyRedactor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
    private final SecurityIdentity identity;

    public KeyAdministrationService(
            AuditService audit, JournalWriter journal, LedgerEvents events, Outbox outbox, SecurityIdentity identity) {
        this.audit = audit;
        this.journal = journal;
        this.events = events;
        this.outbox = outbox;
        this.identity = identity;
    }

    /**
     * Adds activations to a key's allotment. A reference (order or case number) becomes part of the journal entry's
     * event id, {@code top-up:<reference>}, so the chain carries it and the same reference cannot top up a key twice.
     * A key that Microsoft reported exhausted is active again afterwards; a blocked or retired key keeps its state.
     */
    public Uni<ProductKeyEntity> topUp(String keyId, long activations, String reference) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = reference == null ? "top-up-" + UUID.randomUUID() : "top-up:" + reference;
        String operator = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .call(key ->
                                reference == null ? Uni.createFrom().voidItem() : requireNewReference(key, changeId))
                        .invoke(key -> {
                            long allotment = key.allotment + activations;
                            if (allotment > MAX_ALLOTMENT) {
                                throw ProblemException.conflict(
                                        "allotment-too-large",
                                        "Allotment too large",
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
                        "topped up key %s by %d to allotment %d, state %s (change %s, operator %s)",
                        keyId, activations, key.allotment, key.state, KeyRedactor.maskForEcho(changeId), operator));
    }

    /** Returns the key's journal entry with this event id, or null; a reference makes one such entry per key. */
    private static Uni<JournalEntryEntity> entryOf(ProductKeyEntity key, String changeId) {
        return JournalEntryEntity.<JournalEntryEntity>find("keyId = ?1 and eventId = ?2", key.keyId, changeId)
                .firstResult();
    }

    private static Uni<Void> requireNewReference(ProductKeyEntity key, String changeId) {
        return entryOf(key, changeId)
                .invoke(earlier -> {
                    if (earlier != null) {
                        throw ProblemException.conflict(
                                "top-up-already-booked",
                                "Top-up already booked",
                                "key '" + key.keyId + "' was already topped up by " + earlier.allotmentDelta
                                        + " with this reference at " + earlier.occurredAt
                                        + "; nothing changed. Give a new reference for another top-up");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Returns a blocked key to use once Microsoft lifted the block, or once an operator found the failure that marked
     * it false. The key goes back to {@code exhausted} when Microsoft reported it exhausted after its last top-up, and
     * to {@code active} otherwise. A key retired before the block stays blocked (409), because a retirement is final.
     * The reference (Microsoft's case number or the operator's ticket) becomes the journal entry's event id,
     * {@code unblock:<reference>}, so the chain carries it, and a reference unblocks a key once: sending it again, as a
     * retry after a lost response does, gets 409 and changes nothing. An activation failure with a blocked HRESULT
     * booked afterwards marks the key blocked again, whatever its time.
     */
    public Uni<ProductKeyEntity> unblock(String keyId, String reference) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = BalanceChanged.UNBLOCK_CAUSE + reference;
        String operator = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .call(key -> requireNewUnblockReference(key, changeId))
                        .invoke(KeyAdministrationService::requireBlocked)
                        .call(KeyAdministrationService::requireNotRetired)
                        .call(KeyAdministrationService::restoreStateBeforeBlock)
                        .call(key -> journal.append(key, changeId, EntryType.UNBLOCKED, null, 0, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof(
                        "unblocked key %s to state %s (change %s, operator %s)",
                        keyId, key.state, KeyRedactor.maskForEcho(changeId), operator));
    }

    private static Uni<Void> requireNewUnblockReference(ProductKeyEntity key, String changeId) {
        return entryOf(key, changeId)
                .invoke(earlier -> {
                    if (earlier == null) {
                        return;
                    }
                    String since = KeyState.BLOCKED.wireName().equals(key.state)
                            ? " and it was blocked again since"
                            : " and it is " + key.state + " now";
                    throw ProblemException.conflict(
                            "unblock-already-booked",
                            "Unblock already booked",
                            "key '" + key.keyId + "' was already unblocked with this reference at "
                                    + earlier.occurredAt + since + "; nothing changed. Give the reference of a new"
                                    + " case to unblock it again");
                })
                .replaceWithVoid();
    }

    private static void requireBlocked(ProductKeyEntity key) {
        if (KeyState.BLOCKED.wireName().equals(key.state)) {
            return;
        }
        String fix = KeyState.EXHAUSTED.wireName().equals(key.state)
                ? "Top up an exhausted key instead"
                : KeyState.RETIRED.wireName().equals(key.state)
                        ? "A retired key stays retired"
                        : "Only a blocked key can be unblocked";
        throw ProblemException.conflict(
                "key-not-blocked",
                "Key not blocked",
                "key '" + key.keyId + "' is " + key.state + ", not blocked; nothing changed. " + fix);
    }

    private static Uni<Void> requireNotRetired(ProductKeyEntity key) {
        return JournalEntryEntity.<JournalEntryEntity>find(
                        "keyId = ?1 and entryType = ?2", key.keyId, EntryType.RETIRED.name())
                .firstResult()
                .invoke(retirement -> {
                    if (retirement != null) {
                        throw ProblemException.conflict(
                                "key-retired",
                                "Key retired",
                                "key '" + key.keyId + "' was retired at " + retirement.occurredAt
                                        + " before it was blocked; nothing changed. A retired key stays out of use,"
                                        + " so it is not unblocked");
                    }
                })
                .replaceWithVoid();
    }

    /** Sets the state the key had before it was blocked: exhausted when no top-up came after the exhaustion. */
    private static Uni<Void> restoreStateBeforeBlock(ProductKeyEntity key) {
        return JournalEntryEntity.<JournalEntryEntity>find(
                        "keyId = ?1 and entryType in ?2 order by seq desc",
                        key.keyId,
                        List.of(EntryType.EXHAUSTED.name(), EntryType.TOPPED_UP.name()))
                .firstResult()
                .invoke(latest -> {
                    if (latest != null && EntryType.EXHAUSTED.name().equals(latest.entryType)) {
                        key.state = KeyState.EXHAUSTED.wireName();
                        key.stateReason = "Microsoft reported the key exhausted before it was blocked (activation of "
                                + latest.serial + "), and it was not topped up since";
                    } else {
                        key.state = KeyState.ACTIVE.wireName();
                        key.stateReason = null;
                    }
                })
                .replaceWithVoid();
    }

    /** Takes a key out of use for good, with the operator's reason (null for none) as its state reason. */
    public Uni<ProductKeyEntity> retire(String keyId, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = "retire-" + UUID.randomUUID();
        String operator = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .invoke(key -> {
                            if (KeyState.RETIRED.wireName().equals(key.state)) {
                                throw ProblemException.conflict(
                                        "key-retired",
                                        "Key retired",
                                        "key '" + keyId + "' is already retired; nothing changed");
                            }
                            key.state = KeyState.RETIRED.wireName();
                            key.stateReason =
                                    reason == null ? "retired by an operator" : "retired by an operator: " + reason;
                        })
                        .call(key -> journal.append(key, changeId, EntryType.RETIRED, null, 0, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof("retired key %s (change %s, operator %s)", keyId, changeId, operator));
    }
}
