package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The webhook's queue: bounded, one request at a time, a shared back-off and a cap on attempts. */
class DeliveryQueueTest {

    private final DeliveryQueue<String> queue = new DeliveryQueue<>(3, 3, Duration.ofSeconds(1), Duration.ofSeconds(4));

    @Test
    void fullQueueDropsOldest() {
        queue.offer("a");
        queue.offer("b");
        queue.offer("c");

        assertThat(queue.offer("d")).contains("a");
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.next(T0)).contains("b");
    }

    @Test
    void inFlightItemIsKept() {
        DeliveryQueue<String> single = new DeliveryQueue<>(1, 3, Duration.ofSeconds(1), Duration.ofSeconds(4));
        single.offer("a");
        single.next(T0);

        assertThat(single.offer("b")).contains("b");
        assertThat(single.size()).isEqualTo(1);
    }

    @Test
    void oneInFlightAtATime() {
        queue.offer("a");
        queue.offer("b");

        assertThat(queue.next(T0)).contains("a");
        assertThat(queue.next(T0)).isEmpty();
        queue.succeeded();
        assertThat(queue.next(T0)).contains("b");
    }

    @Test
    void failureBacksOffTarget() {
        queue.offer("a");
        queue.offer("b");
        queue.next(T0);

        assertThat(queue.failed(T0)).isEmpty();

        assertThat(queue.notBefore()).isEqualTo(T0.plusSeconds(1));
        assertThat(queue.next(T0.plusMillis(999))).isEmpty();
        assertThat(queue.next(T0.plusSeconds(1))).contains("a");
        assertThat(queue.failedAttemptsOfHead()).isEqualTo(1);
    }

    @Test
    void backoffDoublesAndCaps() {
        queue.offer("a");
        queue.offer("b");
        Instant now = T0;

        queue.next(now);
        queue.failed(now);
        assertThat(queue.notBefore()).isEqualTo(now.plusSeconds(1));
        now = queue.notBefore();
        queue.next(now);
        queue.failed(now);
        assertThat(queue.notBefore()).isEqualTo(now.plusSeconds(2));
        now = queue.notBefore();
        queue.next(now);
        assertThat(queue.failed(now)).contains("a");
        assertThat(queue.notBefore()).isEqualTo(now.plusSeconds(4));

        // The back-off belongs to the target, so the next item waits too and keeps doubling up to the cap.
        now = queue.notBefore();
        assertThat(queue.next(now)).contains("b");
        queue.failed(now);
        assertThat(queue.notBefore()).isEqualTo(now.plusSeconds(4));
    }

    @Test
    void successResetsBackoff() {
        queue.offer("a");
        queue.offer("b");
        queue.next(T0);
        queue.failed(T0);
        queue.next(T0.plusSeconds(1));

        queue.succeeded();

        assertThat(queue.notBefore()).isEqualTo(Instant.MIN);
        assertThat(queue.next(T0.plusSeconds(1))).contains("b");
        queue.failed(T0.plusSeconds(1));
        assertThat(queue.notBefore()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void maxAttemptsDropsItem() {
        queue.offer("a");
        Instant now = T0;
        for (int attempt = 1; attempt < 3; attempt++) {
            queue.next(now);
            assertThat(queue.failed(now)).isEmpty();
            now = queue.notBefore();
        }
        queue.next(now);

        assertThat(queue.failed(now)).contains("a");
        assertThat(queue.size()).isZero();
    }

    @Test
    void outcomeWithoutNextRejected() {
        assertThatThrownBy(queue::succeeded).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queue.failed(T0)).isInstanceOf(IllegalStateException.class);
    }
}
