package dev.keyline.station.messaging;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.repository.KeyBalanceWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the latest balance of each key from {@code keyline.ledger-events}, so provisionings can be checked against
 * it. Other ledger event types are acknowledged and skipped. A record that is not a valid Keyline event, or a balance
 * that cannot be stored, is nacked with its reason, and the connector moves it to {@code keyline.ledger-events.dlq}.
 */
@ApplicationScoped
public class LedgerEventConsumer {

    private static final Logger LOG = Logger.getLogger(LedgerEventConsumer.class);

    private final EventCodec codec;
    private final KeyBalanceWriter balances;

    public LedgerEventConsumer(EventCodec codec, KeyBalanceWriter balances) {
        this.codec = codec;
        this.balances = balances;
    }

    @Incoming("ledger-events")
    public Uni<Void> consume(Message<String> message) {
        RecordPosition position = RecordPosition.of(message);
        LOG.debugf("received record %s on channel ledger-events", position);

        DecodeResult result = codec.decode(message.getPayload());
        if (result instanceof DecodeResult.Rejected rejected) {
            return reject(position, message, rejected.reason());
        }
        CloudEvent<?> event = ((DecodeResult.Decoded) result).event();
        if (!Topics.LEDGER_EVENTS.equals(event.type().topic())) {
            return reject(
                    position,
                    message,
                    "event " + event.id() + " has type " + event.type().type() + ", which belongs on topic "
                            + event.type().topic() + ", not on " + Topics.LEDGER_EVENTS);
        }
        if (!(event.data() instanceof BalanceChanged balance)) {
            LOG.debugf(
                    "skipped event %s of type %s at %s",
                    event.id(), event.type().type(), position);
            return Uni.createFrom().completionStage(message.ack());
        }

        @SuppressWarnings("unchecked")
        CloudEvent<BalanceChanged> balanceEvent = (CloudEvent<BalanceChanged>) event;
        return balances.store(balanceEvent, Instant.now())
                .invoke(stored -> logStored(balanceEvent, balance, position, stored))
                .chain(stored -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> reject(
                        position,
                        message,
                        "storing the balance of key " + balance.keyId() + " from event " + event.id() + " failed: "
                                + failure));
    }

    private static void logStored(
            CloudEvent<BalanceChanged> event, BalanceChanged balance, RecordPosition position, boolean stored) {
        if (stored) {
            LOG.infof(
                    "key %s has %d available (allotment %d, committed %d, consumed %d) as of %s; event %s at %s",
                    balance.keyId(),
                    balance.available(),
                    balance.allotment(),
                    balance.committed(),
                    balance.consumed(),
                    event.time(),
                    event.id(),
                    position);
        } else {
            LOG.infof(
                    "skipped balance of key %s from event %s at %s: a newer balance is stored",
                    balance.keyId(), event.id(), position);
        }
    }

    private static Uni<Void> reject(RecordPosition position, Message<String> message, String reason) {
        String masked = KeyRedactor.maskAll(reason);
        LOG.warnf(
                "rejected record on channel ledger-events, topic %s, partition %d, offset %d: %s; sending it to the"
                        + " dead-letter topic",
                position.topic(), position.partition(), position.offset(), masked);
        return Uni.createFrom().completionStage(message.nack(new RejectedRecordException(masked)));
    }
}
