package dev.keyline.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.ledger.service.BatchResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BookingMetricsTest {

    @Test
    void batchesAddUp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BookingMetrics metrics = new BookingMetrics(registry);

        metrics.batchBooked(new BatchResult(998, 1, 1), Duration.ofMillis(30));
        metrics.batchBooked(new BatchResult(500, 0, 0), Duration.ofMillis(10));
        metrics.attemptFailed();

        assertThat(registry.get("keyline.ledger.events.booked").counter().count())
                .isEqualTo(1498.0);
        assertThat(registry.get("keyline.ledger.events.repeated").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("keyline.ledger.records.dead.lettered")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("keyline.ledger.batch.failures").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("keyline.ledger.batch.duration").timer().count())
                .isEqualTo(2);
        assertThat(registry.get("keyline.ledger.batch.duration").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(40.0);
    }
}
