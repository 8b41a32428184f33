package dev.keyline.ledger.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The progress of one batch on one partition: how many line events it booked there and the highest offset it read,
 * booked or not.
 */
record PartitionProgress(String topic, int partition, long booked, long lastOffset) {

    /**
     * Sums a batch per partition, ordered by topic and partition so concurrent ledgers update the rows in the same
     * order.
     *
     * @param records every record of the batch, including repeats and dead-lettered ones
     * @param booked the records whose events this batch booked
     */
    static List<PartitionProgress> of(List<IncomingRecord> records, List<IncomingRecord> booked) {
        Map<String, Long> bookedCounts = new HashMap<>();
        booked.forEach(record -> bookedCounts.merge(partitionOf(record), 1L, Long::sum));
        Map<String, PartitionProgress> progress = new HashMap<>();
        for (IncomingRecord record : records) {
            String partition = partitionOf(record);
            long count = bookedCounts.getOrDefault(partition, 0L);
            progress.merge(
                    partition,
                    new PartitionProgress(record.topic(), record.partition(), count, record.offset()),
                    (a, b) -> a.lastOffset() >= b.lastOffset() ? a : b);
        }
        List<PartitionProgress> sorted = new ArrayList<>(progress.values());
        sorted.sort(Comparator.comparing(PartitionProgress::topic).thenComparingInt(PartitionProgress::partition));
        return sorted;
    }

    private static String partitionOf(IncomingRecord record) {
        return record.topic() + "-" + record.partition();
    }
}
