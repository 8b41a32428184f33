package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.JournalHash;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.ProductKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/** Registers keys: fingerprints the full key, keeps only the fingerprint and partial key, and journals the allotment. */
@ApplicationScoped
public class KeyRegistrationService {

    private static final Logger LOG = Logger.getLogger(KeyRegistrationService.class);

    private final KeyFingerprinter fingerprinter;
    private final JournalWriter journal;
    private final LedgerEvents events;
    private final Outbox outbox;

    public KeyRegistrationService(
            KeyFingerprinter fingerprinter, JournalWriter journal, LedgerEvents events, Outbox outbox) {
        this.fingerprinter = fingerprinter;
        this.journal = journal;
        this.events = events;
        this.outbox = outbox;
    }

    public Uni<ProductKeyEntity> register(String keyId, String productKey, long allotment, Instant grantedAt) {
        if (ProductKeys.hidesKey(keyId)) {
            // A key id is logged and published everywhere, so it must never be the key itself. The URLs of the key
            // reject a segment that is a key in any spelling, so such an id could not be read back either.
            throw ProblemException.invalidField(
                    "keyId",
                    "looks like a product key, also with its separators removed",
                    "choose a name for the key, such as KEY-A or LINE1-2026");
        }
        String fingerprint = fingerprinter.fingerprint(productKey);
        String partialKey = ProductKeys.partialKey(productKey);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant granted = grantedAt == null ? now : grantedAt.truncatedTo(ChronoUnit.MICROS);
        LOG.debugf("registering key %s (partial key %s)", keyId, partialKey);

        return Panache.withTransaction(() -> ProductKeyEntity.<ProductKeyEntity>findById(keyId)
                        .invoke(existing -> {
                            if (existing != null) {
                                throw ProblemException.conflict(
                                        "key-id-taken",
                                        "key id '" + keyId + "' is already registered; choose another key id or top up"
                                                + " the existing key");
                            }
                        })
                        .chain(() -> ProductKeyEntity.find("fingerprint", fingerprint)
                                .<ProductKeyEntity>firstResult())
                        .invoke(sameKey -> {
                            if (sameKey != null) {
                                throw ProblemException.conflict(
                                        "key-already-registered",
                                        "this product key is already registered as '" + sameKey.keyId
                                                + "'; use that key id");
                            }
                        })
                        .chain(() -> {
                            ProductKeyEntity key = new ProductKeyEntity();
                            key.keyId = keyId;
                            key.fingerprint = fingerprint;
                            key.partialKey = partialKey;
                            key.allotment = allotment;
                            key.chainHead = JournalHash.GENESIS;
                            key.registeredAt = now;
                            return key.<ProductKeyEntity>persist();
                        })
                        .call(key -> journal.append(
                                key, "registration:" + keyId, EntryType.REGISTERED, null, allotment, 0, 0, granted))
                        .call(key -> outbox.append(events.balanceChanged(key, "registration", now))))
                .invoke(key -> LOG.infof(
                        "registered key %s (partial key %s) with allotment %d", keyId, partialKey, allotment));
    }
}
