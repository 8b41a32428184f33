package dev.keyline.ledger.messaging;

import dev.keyline.ledger.service.BatchResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The booking engine's meters on {@code /q/metrics}: events booked, repeats skipped, records dead-lettered, failed
 * booking attempts, and the time per booked batch. Operations can alert on a stalled or failing ledger with them.
 */
@ApplicationScoped
public class BookingMetrics {

    private final Counter booked;
    private final Counter repeats;
    private final Counter deadLettered;
    private final Counter failedAttempts;
    private final Timer batches;

    public BookingMetrics(MeterRegistry registry) {
        booked = counter(registry, "keyline.ledger.events.booked", "Line events booked into the ledger");
        repeats = counter(
                registry,
                "keyline.ledger.events.repeated",
                "Line events skipped because their event id was booked before");
        deadLettered = counter(
                registry,
                "keyline.ledger.records.dead.lettered",
                "Records sent to keyline.line-events.dlq because they are not valid line events");
        failedAttempts = counter(
                registry,
                "keyline.ledger.batch.failures",
                "Booking transactions that failed and were retried, such as while the database was down");
        batches = Timer.builder("keyline.ledger.batch.duration")
                .description("Time to book one Kafka batch, retries included")
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    /** Counts a booked batch and the time it took. */
    void batchBooked(BatchResult result, Duration took) {
        booked.increment(result.booked());
        repeats.increment(result.duplicates());
        deadLettered.increment(result.deadLettered());
        batches.record(took);
    }

    /** Counts a booking attempt that failed and will be retried. */
    void attemptFailed() {
        failedAttempts.increment();
    }
}
