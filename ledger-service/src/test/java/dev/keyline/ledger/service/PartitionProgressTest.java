package dev.keyline.ledger.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private static final String TOPIC = "keyline.line-events";

    @Test
    void progressCountsBookedAndLastOffset() {
        IncomingRecord p2first = record(2, 40);
        IncomingRecord p0first = record(0, 7);
        IncomingRecord p2repeat = record(2, 41);
        IncomingRecord p0second = record(0, 8);
        IncomingRecord p2rejected = record(2, 42);

        List<PartitionProgress> progress = PartitionProgress.of(
                List.of(p2first, p0first, p2repeat, p0second, p2rejected), List.of(p2first, p0first, p0second));

        assertThat(progress)
                .containsExactly(new PartitionProgress(TOPIC, 0, 2, 8), new PartitionProgress(TOPIC, 2, 1, 42));
    }

    @Test
    void progressMovesOffsetWithoutBookings() {
        List<PartitionProgress> progress = PartitionProgress.of(List.of(record(1, 99), record(1, 98)), List.of());

        assertThat(progress).containsExactly(new PartitionProgress(TOPIC, 1, 0, 99));
    }

    @Test
    void emptyBatchHasNoProgress() {
        assertThat(PartitionProgress.of(List.of(), List.of())).isEmpty();
    }

    private static IncomingRecord record(int partition, long offset) {
        return new IncomingRecord(TOPIC, partition, offset, "KEY-A", "{}");
    }
}
