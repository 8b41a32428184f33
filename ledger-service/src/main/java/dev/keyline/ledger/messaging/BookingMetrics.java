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
        booked = Counter.builder("keyline.ledger.events.booked")
                .description("Line events booked into the ledger")
                .register(registry);
        repeats = Counter.builder("keyline.ledger.events.repeated")
                .description("Line events skipped because their event id was booked before")
                .register(registry);
        deadLettered = Counter.builder("keyline.ledger.records.dead.lettered")
                .description("Records sent to keyline.line-events.dlq because they are not valid line events")
                .register(registry);
        failedAttempts = Counter.builder("keyline.ledger.batch.failures")
                .description("Booking transactions that failed and were retried, such as while the database was down")
                .register(registry);
        batches = Timer.builder("keyline.ledger.batch.duration")
                .description("Time to book one Kafka batch, retries included")
                .register(registry);
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
