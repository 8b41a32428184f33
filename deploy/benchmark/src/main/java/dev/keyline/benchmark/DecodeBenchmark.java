package dev.keyline.benchmark;

import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the CPU time {@link EventCodec#decode} takes per line event on one thread: parsing, schema validation and
 * mapping to the event's record, as the ledger does on its Kafka polling threads. The events are the ones
 * {@code bin/benchmark-ledger} produces. Arguments: the number of devices (default 20,000, two events each) and the
 * number of rounds (default 12; the first 4 warm the JIT compiler up and are not counted).
 */
public final class DecodeBenchmark {

    private static final int WARM_UP_ROUNDS = 4;

    private DecodeBenchmark() {}

    public static void main(String[] arguments) {
        int devices = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 20_000;
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 12;
        if (devices < 1 || rounds <= WARM_UP_ROUNDS) {
            throw new IllegalArgumentException("give at least 1 device and more than " + WARM_UP_ROUNDS
                    + " rounds, got " + devices + " and " + rounds);
        }
        EventCodec codec = new EventCodec();
        List<BenchmarkKey> keys = BenchmarkKey.create(9, LedgerBenchmark.LINE_EVENT_PARTITIONS);
        List<String> values = new ArrayList<>(devices * 2);
        for (int device = 0; device < devices; device++) {
            BenchmarkKey key = keys.get(device % keys.size());
            values.add(codec.encode(EventLoad.provisioning(device, key)));
            values.add(codec.encode(EventLoad.activation(device, key)));
        }

        double[] microsPerEvent = new double[rounds - WARM_UP_ROUNDS];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            int decoded = 0;
            for (String value : values) {
                if (codec.decode(value) instanceof DecodeResult.Decoded) {
                    decoded++;
                }
            }
            long took = System.nanoTime() - start;
            if (decoded != values.size()) {
                throw new IllegalStateException("decoded " + decoded + " of " + values.size() + " valid events");
            }
            if (round >= WARM_UP_ROUNDS) {
                microsPerEvent[round - WARM_UP_ROUNDS] = took / 1000.0 / values.size();
            }
        }

        Arrays.sort(microsPerEvent);
        System.out.printf(
                "EventCodec.decode, %,d events, %d measured rounds: median %.2f µs per event (fastest %.2f, slowest"
                        + " %.2f)%n",
                values.size(),
                microsPerEvent.length,
                microsPerEvent[microsPerEvent.length / 2],
                microsPerEvent[0],
                microsPerEvent[microsPerEvent.length - 1]);
    }
}
