package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.KeyState;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Operator changes to a registered key: top-ups and retirement, each journaled and published. */
@ApplicationScoped
public class KeyAdministrationService {

    private static final Logger LOG = Logger.getLogger(KeyAdministrationService.class);

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

    public Uni<ProductKeyEntity> topUp(String keyId, long activations, String reference) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = "top-up-" + UUID.randomUUID();
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .invoke(key -> key.allotment += activations)
                        .call(key -> journal.append(key, changeId, EntryType.TOPPED_UP, null, activations, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof(
                        "topped up key %s by %d to allotment %d (reference %s)",
                        keyId, activations, key.allotment, reference));
    }

    public Uni<ProductKeyEntity> retire(String keyId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = "retire-" + UUID.randomUUID();
        return Panache.withTransaction(() -> audit.requireKeyForUpdate(keyId)
                        .invoke(key -> {
                            if (KeyState.RETIRED.wireName().equals(key.state)) {
                                throw ProblemException.conflict(
                                        "key-retired", "key '" + keyId + "' is already retired; nothing changed");
                            }
                            key.state = KeyState.RETIRED.wireName();
                            key.stateReason = "retired by an operator";
                        })
                        .call(key -> journal.append(key, changeId, EntryType.RETIRED, null, 0, 0, 0, now))
                        .call(key -> outbox.append(events.balanceChanged(key, changeId, now))))
                .invoke(key -> LOG.infof("retired key %s", keyId));
    }
}
