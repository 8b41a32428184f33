package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpWaiterTest {

    private static final CatchUpWaiter.Baseline BASELINE =
            new CatchUpWaiter.Baseline(new LedgerStatus(100, 40, 0), new AlertStatus(100, 40));

    @Test
    void returnsOnceAllCountersReachTargets() throws Exception {
        Supplier<LedgerStatus> ledger =
                sequence(new LedgerStatus(100, 40, 0), new LedgerStatus(110, 45, 0), new LedgerStatus(110, 47, 0));
        Supplier<AlertStatus> alert =
                sequence(new AlertStatus(105, 44), new AlertStatus(110, 46), new AlertStatus(110, 47));

        new CatchUpWaiter(ledger, alert, Duration.ZERO).await(BASELINE, 10, Duration.ofSeconds(30));

        assertThat(ledger.get().ledgerEventsPublished()).isEqualTo(47);
        assertThat(alert.get().ledgerEventsProcessed()).isEqualTo(47);
    }

    @Test
    void timeoutNamesLedgerBooking() {
        CatchUpWaiter waiter =
                new CatchUpWaiter(() -> new LedgerStatus(105, 40, 2), () -> new AlertStatus(110, 40), Duration.ZERO);

        assertThatThrownBy(() -> waiter.await(BASELINE, 10, Duration.ZERO))
                .isInstanceOf(CatchUpTimeoutException.class)
                .hasMessageContaining("ledger-service lineEventsBooked is 105, expected at least 110")
                .hasMessageContaining("deadLettered 2");
    }

    @Test
    void timeoutNamesAlertLineEvents() {
        CatchUpWaiter waiter =
                new CatchUpWaiter(() -> new LedgerStatus(110, 40, 0), () -> new AlertStatus(109, 40), Duration.ZERO);

        assertThatThrownBy(() -> waiter.await(BASELINE, 10, Duration.ZERO))
                .isInstanceOf(CatchUpTimeoutException.class)
                .hasMessageContaining("alert-service lineEventsProcessed is 109, expected at least 110");
    }

    @Test
    void timeoutNamesAlertLedgerEvents() {
        CatchUpWaiter waiter =
                new CatchUpWaiter(() -> new LedgerStatus(110, 50, 0), () -> new AlertStatus(110, 48), Duration.ZERO);

        assertThatThrownBy(() -> waiter.await(BASELINE, 10, Duration.ZERO))
                .isInstanceOf(CatchUpTimeoutException.class)
                .hasMessageContaining("alert-service ledgerEventsProcessed is 48")
                .hasMessageContaining("ledgerEventsPublished 50");
    }

    @Test
    void consumedGroupsEndWaitBelowCounts() throws Exception {
        // An event-log event published again under a booked id moves neither counter, but both groups consumed it.
        CatchUpWaiter waiter = new CatchUpWaiter(
                () -> new LedgerStatus(108, 40, 0),
                () -> new AlertStatus(108, 40),
                () -> true,
                () -> true,
                Duration.ZERO);

        waiter.await(BASELINE, 10, Duration.ZERO);
    }

    @Test
    void consumedLedgerStillWaitsForAlert() {
        CatchUpWaiter waiter = new CatchUpWaiter(
                () -> new LedgerStatus(108, 40, 0),
                () -> new AlertStatus(108, 40),
                () -> true,
                () -> false,
                Duration.ZERO);

        assertThatThrownBy(() -> waiter.await(BASELINE, 10, Duration.ZERO))
                .isInstanceOf(CatchUpTimeoutException.class)
                .hasMessageContaining("alert-service lineEventsProcessed is 108, expected at least 110");
    }

    @Test
    void partitionsCaughtUpOnlyAtEnd() {
        TopicPartition first = new TopicPartition("keyline.line-events", 0);
        TopicPartition second = new TopicPartition("keyline.line-events", 1);
        Map<TopicPartition, Long> ends = Map.of(first, 12L, second, 0L);

        assertThat(LineEventProgress.caughtUp(ends, Map.of(first, new OffsetAndMetadata(12))))
                .isTrue();
        assertThat(LineEventProgress.caughtUp(ends, Map.of(first, new OffsetAndMetadata(11))))
                .isFalse();
        assertThat(LineEventProgress.caughtUp(ends, Map.of())).isFalse();
    }

    /** Returns the values in order, then repeats the last one. */
    @SafeVarargs
    private static <T> Supplier<T> sequence(T... values) {
        Deque<T> remaining = new ArrayDeque<>(List.of(values));
        return () -> remaining.size() > 1 ? remaining.poll() : remaining.peek();
    }
}
