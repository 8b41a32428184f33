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
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Registers keys: fingerprints the full key, keeps only the fingerprint and partial key, and journals the allotment.
 */
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

    /** PostgreSQL's SQLSTATE for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

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

        return Panache.withTransaction(() -> requireNew(keyId, fingerprint)
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
                .onFailure(KeyRegistrationService::isUniqueViolation)
                .recoverWithUni(failure -> {
                    // Another registration of the same key id or key committed between this one's checks and its
                    // insert. Checking again names it, as a request sent after it would get.
                    LOG.debugf("registration of key %s lost a race with another registration; checking again", keyId);
                    return Panache.withSession(() -> requireNew(keyId, fingerprint))
                            .onItem()
                            .failWith(() -> failure)
                            .replaceWith((ProductKeyEntity) null);
                })
                .invoke(key -> LOG.infof(
                        "registered key %s (partial key %s) with allotment %d", keyId, partialKey, allotment));
    }

    /** Fails with 409 when the key id or the product key (by its fingerprint) is registered. */
    private static Uni<Void> requireNew(String keyId, String fingerprint) {
        return ProductKeyEntity.<ProductKeyEntity>findById(keyId)
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict(
                                "key-id-taken",
                                "Key id taken",
                                "key id '" + keyId + "' is already registered; choose another key id or top up"
                                        + " the existing key");
                    }
                })
                .chain(() -> ProductKeyEntity.find("fingerprint", fingerprint).<ProductKeyEntity>firstResult())
                .invoke(sameKey -> {
                    if (sameKey != null) {
                        throw ProblemException.conflict(
                                "key-already-registered",
                                "Key already registered",
                                "this product key is already registered as '" + sameKey.keyId + "'; use that key id");
                    }
                })
                .replaceWithVoid();
    }

    /** Tells whether a failure, or one of its causes, is a unique violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException problem && UNIQUE_VIOLATION.equals(problem.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports the violation in its own exception, which does not keep PgException.
            if (cause instanceof ConstraintViolationException violation
                    && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
