package dev.keyline.benchmark;

import java.util.ArrayList;
import java.util.List;

/** A made-up key the benchmark registers; its full product key exists only in this process and the request. */
record BenchmarkKey(String keyId, String productKey, String partialKey) {

    /** Returns {@code count} keys {@code BENCH-01}, {@code BENCH-02}, ... with distinct made-up product keys. */
    static List<BenchmarkKey> create(int count) {
        List<BenchmarkKey> keys = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String number = String.format("%02d", i);
            String partialKey = "B" + number + "QX";
            keys.add(new BenchmarkKey(
                    String.format("BENCH-%02d", i),
                    "BNCHA-BBBBB-CCCCC-" + String.format("%05d", i) + "-" + partialKey,
                    partialKey));
        }
        return keys;
    }

    @Override
    public String toString() {
        return "BenchmarkKey[" + keyId + ", partial key " + partialKey + "]";
    }
}
