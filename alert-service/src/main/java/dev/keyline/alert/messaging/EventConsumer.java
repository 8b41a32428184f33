package dev.keyline.alert.messaging;

import dev.keyline.alert.config.AlertsConfig;
import dev.keyline.alert.service.AlertService;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.keys.KeyRedactor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads line and ledger events one record at a time and hands each valid event to {@link AlertService}. A record that
 * is not a valid event for its topic is nacked with the reason, so the connector moves it to the topic's dead-letter
 * topic and goes on with the next record.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final AlertService service;
    private final AlertsConfig config;

    public EventConsumer(EventCodec codec, AlertService service, AlertsConfig config) {
        this.codec = codec;
        this.service = service;
        this.config = config;
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

        return process(event, position)
                .chain(outcome -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> failProcessing(channel, position, message, event, failure));
    }

    /**
     * Processes the event, retrying with exponential backoff when it fails. Every attempt runs on the record's Vert.x
     * context, because Hibernate Reactive must be called there and a backoff delay resumes on another thread.
     */
    private Uni<?> process(CloudEvent<?> event, RecordPosition position) {
        return Uni.createFrom()
                .deferred(() -> service.process(event, position.topic()))
                .runSubscriptionOn(onContext(Vertx.currentContext()))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "processing event %s from %s failed (retried up to %d times): %s",
                        event.id(), position, config.processing().maxRetries(), failure.toString()))
                .onFailure()
                .retry()
                .withBackOff(config.processing().initialBackoff())
                .atMost(config.processing().maxRetries());
    }

    private Uni<Void> reject(String channel, RecordPosition position, Message<String> message, String reason) {
        LOG.warnf(
                "rejected record on channel %s, topic %s, partition %d, offset %d: %s; sending it to the dead-letter"
                        + " topic",
                channel, position.topic(), position.partition(), position.offset(), reason);
        return Uni.createFrom().completionStage(message.nack(new RejectedRecordException(reason)));
    }

    private Uni<Void> failProcessing(
            String channel, RecordPosition position, Message<String> message, CloudEvent<?> event, Throwable failure) {
        String reason = KeyRedactor.maskAll("processing event " + event.id() + " failed after "
                + config.processing().maxRetries() + " retries: " + failure);
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

    private static Executor onContext(Context context) {
        if (context == null) {
            return Runnable::run;
        }
        return command -> context.runOnContext(ignored -> command.run());
    }
}
