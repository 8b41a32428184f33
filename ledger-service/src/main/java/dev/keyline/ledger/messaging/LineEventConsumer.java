package dev.keyline.ledger.messaging;

import dev.keyline.ledger.service.BookingService;
import dev.keyline.ledger.service.IncomingRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code keyline.line-events} in batches, one database transaction per batch; {@link LineEventDeserializer}
 * has decoded the values on the polling thread. Invalid records never fail the batch: the booking service
 * dead-letters them. A failing transaction (the database is down, say) is retried with back-off, and offsets are
 * committed only once the batch is booked, so nothing is skipped.
 */
@ApplicationScoped
public class LineEventConsumer {

    private static final Logger LOG = Logger.getLogger(LineEventConsumer.class);
    private static final String CHANNEL = "line-events";

    private final BookingService booking;
    private final BookingMetrics metrics;

    public LineEventConsumer(BookingService booking, BookingMetrics metrics) {
        this.booking = booking;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, LineEventValue> records) {
        List<IncomingRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, LineEventValue> record : records) {
            LineEventValue value = record.value();
            batch.add(new IncomingRecord(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    value == null ? null : value.text(),
                    value == null ? null : value.decoded()));
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        IncomingRecord first = batch.get(0);
        IncomingRecord last = batch.get(batch.size() - 1);
        LOG.debugf(
                "channel %s received %d records from %s to %s",
                CHANNEL, batch.size(), first.position(), last.position());

        long start = System.nanoTime();
        return booking.book(batch)
                .onFailure()
                .invoke(e -> {
                    metrics.attemptFailed();
                    LOG.errorf(
                            e,
                            "channel %s failed to book %d records from %s to %s; retrying",
                            CHANNEL,
                            batch.size(),
                            first.position(),
                            last.position());
                })
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .indefinitely()
                .invoke(result -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    metrics.batchBooked(result, took);
                    LOG.infof(
                            "channel %s booked %d events (%d repeats skipped, %d dead-lettered) from %s to %s in %d ms",
                            CHANNEL,
                            result.booked(),
                            result.duplicates(),
                            result.deadLettered(),
                            first.position(),
                            last.position(),
                            took.toMillis());
                })
                .replaceWithVoid();
    }
}
