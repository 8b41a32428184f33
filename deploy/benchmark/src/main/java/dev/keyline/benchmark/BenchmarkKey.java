package dev.keyline.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/** A made-up key the benchmark registers; its full product key exists only in this process and the request. */
record BenchmarkKey(String keyId, String productKey, String partialKey) {

    /**
     * Returns {@code count} keys with distinct made-up product keys, named {@code BENCH-001}, {@code BENCH-002}, ...
     * with numbers skipped so that the keys fall on the {@code partitions} partitions in turn. The station service
     * keys line events by key id, so all of a key's events share one partition. Eight consecutive names landed six,
     * none and two on three partitions, which left one of the ledger's three consumers idle.
     */
    static List<BenchmarkKey> create(int count, int partitions) {
        List<BenchmarkKey> keys = new ArrayList<>();
        for (int number = 1; keys.size() < count; number++) {
            String keyId = String.format("BENCH-%03d", number);
            if (partitionOf(keyId, partitions) == keys.size() % partitions) {
                String partialKey = String.format("B%03dQ", number);
                keys.add(new BenchmarkKey(
                        keyId, "BNCHA-BBBBB-CCCCC-" + String.format("%05d", number) + "-" + partialKey, partialKey));
            }
        }
        return keys;
    }

    /** Returns the partition Kafka's default partitioner picks for a record keyed by {@code keyId}. */
    static int partitionOf(String keyId, int partitions) {
        return Utils.toPositive(Utils.murmur2(keyId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public String toString() {
        return "BenchmarkKey[" + keyId + ", partial key " + partialKey + "]";
    }
}
