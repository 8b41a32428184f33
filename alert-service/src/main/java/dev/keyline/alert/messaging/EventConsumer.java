package dev.keyline.alert.messaging;

import dev.keyline.alert.service.AlertDispatcher;
import dev.keyline.alert.service.AlertService;
import dev.keyline.alert.service.ProcessingOutcome;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.EventTime;
import dev.keyline.schemas.keys.KeyRedactor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads line and ledger events one record at a time and hands each valid event to {@link AlertService}, then the
 * committed alert changes to {@link AlertDispatcher}. A valid envelope of an event type this version does not know is
 * recorded as processed and changes nothing. Any other record that is not a valid event for its topic, or whose
 * {@code time} is implausible ({@link EventTime#implausibility}), is nacked with the reason, so the connector moves it
 * to the topic's dead-letter topic and goes on with the next record. The rules, the fact pruning and the forecasts
 * take the events' times as the current time, so one event dated in year 9999 would move all of them there.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final UnknownEventType unknownTypes;
    private final AlertService service;
    private final AlertDispatcher dispatcher;
    private final ProcessingRetry retry;

    public EventConsumer(
            EventCodec codec,
            UnknownEventType unknownTypes,
            AlertService service,
            AlertDispatcher dispatcher,
            ProcessingRetry retry) {
        this.codec = codec;
        this.unknownTypes = unknownTypes;
        this.service = service;
        this.dispatcher = dispatcher;
        this.retry = retry;
    }

    @Incoming("line-events")
    public Uni<Void> consumeLineEvent(Message<String> message) {
        return consume("line-events", message);
    }

    @Incoming("ledger-events")
    public Uni<Void> consumeLedgerEvent(Message<String> message) {
        return consume("ledger-events", message);
    }

    private Uni<Void> consume(String channel, Message<String> message) {
        RecordPosition position = RecordPosition.of(message);
        LOG.debugf("received record %s on channel %s", position, channel);

        DecodeResult result = codec.decode(message.getPayload());
        if (result instanceof DecodeResult.Rejected rejected) {
            Optional<UnknownEventType.Envelope> unknown = unknownTypes.detect(message.getPayload());
            if (unknown.isPresent()) {
                Optional<String> implausible =
                        EventTime.parse(unknown.get().time()).flatMap(this::implausibility);
                if (implausible.isPresent()) {
                    return reject(
                            channel, position, message, "event " + unknown.get().id() + ": " + implausible.get());
                }
                return ignore(channel, position, message, unknown.get());
            }
            return reject(channel, position, message, rejected.reason());
        }

        CloudEvent<?> event = ((DecodeResult.Decoded) result).event();
        String expectedTopic = event.type().topic();
        if (!expectedTopic.equals(position.topic())) {
            return reject(
                    channel,
                    position,
                    message,
                    "event " + event.id() + " has type " + event.type().type() + ", which belongs on topic "
                            + expectedTopic + ", not on " + position.topic());
        }
        Optional<String> implausible = implausibility(event.time());
        if (implausible.isPresent()) {
            return reject(channel, position, message, "event " + event.id() + ": " + implausible.get());
        }

        return retry.run(() -> service.process(event, position.topic()), "event " + event.id() + " from " + position)
                .invoke(this::dispatch)
                .chain(outcome -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> failProcessing(channel, position, message, event.id(), failure));
    }

    private Uni<Void> ignore(
            String channel, RecordPosition position, Message<String> message, UnknownEventType.Envelope envelope) {
        return retry.run(
                        () -> service.processUnknownType(envelope.id(), envelope.type(), position.topic()),
                        "event " + envelope.id() + " from " + position)
                .chain(outcome -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> failProcessing(channel, position, message, envelope.id(), failure));
    }

    private Optional<String> implausibility(Instant time) {
        return EventTime.implausibility(time, Instant.now());
    }

    private void dispatch(ProcessingOutcome outcome) {
        dispatcher.dispatch(outcome.notifications());
    }

    private Uni<Void> reject(String channel, RecordPosition position, Message<String> message, String reason) {
        LOG.warnf(
                "rejected record on channel %s, topic %s, partition %d, offset %d: %s; sending it to the dead-letter"
                        + " topic",
                channel, position.topic(), position.partition(), position.offset(), reason);
        return Uni.createFrom().completionStage(message.nack(new RejectedRecordException(reason)));
    }

    private Uni<Void> failProcessing(
            String channel, RecordPosition position, Message<String> message, String eventId, Throwable failure) {
        String reason = KeyRedactor.maskAll(
                "processing event " + eventId + " failed after " + retry.maxRetries() + " retries: " + failure);
        LOG.errorf(
                failure,
                "gave up on record on channel %s, topic %s, partition %d, offset %d: %s; sending it to the"
                        + " dead-letter topic",
                channel,
                position.topic(),
                position.partition(),
                position.offset(),
                reason);
        return Uni.createFrom().completionStage(message.nack(new RejectedRecordException(reason)));
    }
}
