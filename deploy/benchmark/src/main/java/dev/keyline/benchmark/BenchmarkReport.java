package dev.keyline.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** The figures of one benchmark run, and their printout. */
record BenchmarkReport(
        MachineInfo machine,
        int events,
        int keys,
        int insertConnections,
        Map<String, String> ledgerEnvironment,
        Rate produced,
        Rate kafkaDrain,
        Rate postgresCopy,
        Rate postgresInsert,
        Rate ledgerRowsCopy,
        BookingResult ledger,
        long consumedTotal,
        long committedTotal) {

    /** Below this, the steady rate rests on a few one-second status polls and is not meaningful. */
    static final Duration MIN_STEADY_WINDOW = Duration.ofSeconds(10);

    /** The lower of the Kafka drain rate and the faster PostgreSQL insert method, in events per second. */
    double rawLimit() {
        double postgres = Math.max(postgresCopy.perSecond(), postgresInsert.perSecond());
        return Math.min(kafkaDrain.perSecond(), postgres);
    }

    void print(PrintStream out) {
        out.println();
        out.println("Keyline ledger booking benchmark");
        out.printf("machine: %d cores, %s memory, %s%n", machine.cores(), machine.memory(), machine.java());
        out.printf(
                "events: %,d line events (%,d devices: provisioning + successful activation), %d keys%n",
                events, events / 2, keys);
        out.println();
        out.printf("produce to Kafka (encode + send, all cores):   %s%n", produced);
        out.printf("raw Kafka drain (1 plain consumer):            %s%n", kafkaDrain);
        out.printf("raw PostgreSQL COPY (%d connections):           %s%n", insertConnections, postgresCopy);
        out.printf("raw PostgreSQL multi-row INSERT (%d conns):     %s%n", insertConnections, postgresInsert);
        out.printf("raw limit (lower of Kafka and best PostgreSQL): %,.0f/s%n", rawLimit());
        out.printf("PostgreSQL COPY of all the ledger's rows:      %s (events)%n", ledgerRowsCopy);
        out.println();
        out.printf("ledger environment added:                      %s%n", ledgerEnvironment);
        out.printf(
                "ledger startup until ready:                    %.1f s%n",
                ledger.startup().toMillis() / 1000.0);
        out.printf("ledger booking, from ready:                    %s%n", ledger.fromReady());
        out.printf("ledger booking, steady (first booked to end):  %s%n", ledger.steady());
        out.printf(
                "ledger booked every event:                     %s (%,d booked)%n",
                ledger.complete() ? "yes" : "no, timed out", ledger.booked());
        out.printf(
                "ratio of steady booking rate to raw limit:     %.1f %%%n",
                100 * ledger.steady().perSecond() / rawLimit());
        out.printf(
                "ratio of it to COPY of all the ledger's rows:  %.1f %%%n",
                100 * ledger.steady().perSecond() / ledgerRowsCopy.perSecond());
        if (ledger.steady().elapsed().compareTo(MIN_STEADY_WINDOW) < 0) {
            out.printf(
                    "note: the steady window is %.1f s, too short to compare with the targets in docs/BENCHMARKS.md;"
                            + " run at least 1,000,000 events%n",
                    ledger.steady().elapsed().toMillis() / 1000.0);
        }
        out.printf("ledger RSS (VmRSS): peak %,d KiB, at end %,d KiB%n", ledger.peakRssKib(), ledger.endRssKib());
        out.printf("ledger books: consumed %,d, committed %,d over all keys%n", consumedTotal, committedTotal);
    }
}
