package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class BenchmarkKeyTest {

    @Test
    void keysTakePartitionsInTurn() {
        List<BenchmarkKey> keys = BenchmarkKey.create(9, 3);

        // The producer's own partitioner, not the benchmark's copy of its formula.
        List<Integer> partitions =
                keys.stream().map(key -> partitionOf(key.keyId())).toList();
        assertThat(partitions).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2);
    }

    @Test
    void keysAreDistinctAndWellFormed() {
        List<BenchmarkKey> keys = BenchmarkKey.create(BenchmarkOptions.MAX_KEYS, 3);

        assertThat(keys).hasSize(BenchmarkOptions.MAX_KEYS);
        assertThat(keys.stream().map(BenchmarkKey::keyId).distinct()).hasSize(BenchmarkOptions.MAX_KEYS);
        assertThat(keys.stream().map(BenchmarkKey::partialKey).distinct()).hasSize(BenchmarkOptions.MAX_KEYS);
        for (BenchmarkKey key : keys) {
            assertThat(key.productKey()).matches("[A-Z0-9]{5}(-[A-Z0-9]{5}){4}").endsWith("-" + key.partialKey());
        }
    }

    @Test
    void skipsNamesOnOtherPartitions() {
        List<BenchmarkKey> keys = BenchmarkKey.create(2, 3);

        // BENCH-001 and BENCH-003 both land on partition 2, so neither is the next one needed.
        assertThat(keys).extracting(BenchmarkKey::keyId).containsExactly("BENCH-002", "BENCH-004");
        assertThat(keys).extracting(BenchmarkKey::partialKey).containsExactly("B002Q", "B004Q");
        assertThat(partitionOf("BENCH-001")).isEqualTo(2);
        assertThat(partitionOf("BENCH-003")).isEqualTo(2);
    }

    @Test
    void toStringHidesProductKey() {
        BenchmarkKey key = BenchmarkKey.create(1, 3).get(0);

        assertThat(key.toString()).doesNotContain(key.productKey()).contains(key.partialKey());
    }

    private static int partitionOf(String keyId) {
        return BuiltInPartitioner.partitionForKey(keyId.getBytes(StandardCharsets.UTF_8), 3);
    }
}
