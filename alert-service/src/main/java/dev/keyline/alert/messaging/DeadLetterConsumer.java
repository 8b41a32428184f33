package dev.keyline.alert.messaging;

import dev.keyline.alert.domain.DeadLetterRecord;
import dev.keyline.alert.service.AlertDispatcher;
import dev.keyline.alert.service.AlertService;
import dev.keyline.schemas.keys.KeyRedactor;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Reads the dead-letter topics as raw records and raises a {@code dead-letter} alert for each, from the
 * {@code dead-letter-*} headers that the Kafka connector and the platform's outbox write. A record this consumer
 * cannot process after retries is logged at ERROR and skipped, because there is no further dead-letter topic.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);

    private final AlertService service;
    private final AlertDispatcher dispatcher;
    private final ProcessingRetry retry;

    public DeadLetterConsumer(AlertService service, AlertDispatcher dispatcher, ProcessingRetry retry) {
        this.service = service;
        this.dispatcher = dispatcher;
        this.retry = retry;
    }

    @Incoming("line-events-dlq")
    public Uni<Void> consumeLineDeadLetter(Message<String> message) {
        return consume(message);
    }

    @Incoming("ledger-events-dlq")
    public Uni<Void> consumeLedgerDeadLetter(Message<String> message) {
        return consume(message);
    }

    private Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException(
                        "message has no Kafka record metadata; the channel must use the smallrye-kafka connector"));
        DeadLetterRecord record = read(metadata);
        RecordPosition position =
                new RecordPosition(metadata.getTopic(), metadata.getPartition(), metadata.getOffset());
        LOG.debugf("received dead-letter record %s", position);
        Instant time = metadata.getTimestamp() == null ? Instant.now() : metadata.getTimestamp();

        return retry.run(() -> service.processDeadLetter(record, time), "dead-letter record " + position)
                .invoke(outcome -> dispatcher.dispatch(outcome.notifications()))
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.errorf(
                            failure,
                            "gave up on dead-letter record at topic %s, partition %d, offset %d after %d retries;"
                                    + " no dead-letter alert was raised for it",
                            position.topic(),
                            position.partition(),
                            position.offset(),
                            retry.maxRetries());
                    return null;
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    static DeadLetterRecord read(IncomingKafkaRecordMetadata<?, ?> metadata) {
        Headers headers = metadata.getHeaders();
        return new DeadLetterRecord(
                metadata.getTopic(),
                metadata.getPartition(),
                metadata.getOffset(),
                text(headers, "dead-letter-topic"),
                integer(headers, "dead-letter-partition"),
                longValue(headers, "dead-letter-offset"),
                KeyRedactor.maskAll(text(headers, "dead-letter-reason")),
                text(headers, KeyMaskingSerializer.CONSUMER_HEADER));
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers headers, String name) {
        Long value = longValue(headers, name);
        return value == null || value > Integer.MAX_VALUE || value < 0 ? null : value.intValue();
    }

    private static Long longValue(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.warnf(
                    "dead-letter header %s is not a number: '%s'; the alert names the dead-letter position",
                    name, value);
            return null;
        }
    }
}
