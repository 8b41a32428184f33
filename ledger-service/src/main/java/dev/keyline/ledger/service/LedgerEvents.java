package dev.keyline.ledger.service;

import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.LedgerEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Builds the ledger's outgoing CloudEvents as outbox messages. */
@ApplicationScoped
public class LedgerEvents {

    static final String SOURCE = CloudEvent.serviceSource("ledger-service");

    private final EventCodec codec;

    public LedgerEvents(EventCodec codec) {
        this.codec = codec;
    }

    /**
     * Returns the key's balance event and advances the key's balance version, which the caller must store in the same
     * transaction.
     */
    public OutboxMessage balanceChanged(ProductKeyEntity key, String causeEventId, Instant time) {
        key.balanceVersion++;
        BalanceChanged data = new BalanceChanged(
                key.keyId,
                key.partialKey,
                key.allotment,
                key.committed,
                key.consumed,
                key.balance().available(),
                causeEventId,
                key.state,
                key.unattributed,
                key.fingerprint,
                key.reportedRemaining,
                key.unexplained(),
                key.balanceVersion);
        return message(key.keyId, key.keyId, time, data);
    }

    public OutboxMessage message(String recordKey, String subject, Instant time, LedgerEvent data) {
        CloudEvent<LedgerEvent> event = CloudEvent.create(SOURCE, subject, time, data);
        return OutboxMessage.cloudEvent(recordKey, event, codec.encode(event));
    }
}
