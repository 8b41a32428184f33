package dev.keyline.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** The figures of one benchmark run, and their printout. */
record BenchmarkReport(
        MachineInfo machine,
        int events,
        int warmUpEvents,
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

    /** Below this, a booking rate rests on a few one-second status polls and is not meaningful. */
    static final Duration MIN_WINDOW = Duration.ofSeconds(10);

    /** The lower of the Kafka drain rate and the faster PostgreSQL insert method, in events per second. */
    double rawLimit() {
        double postgres = Math.max(postgresCopy.perSecond(), postgresInsert.perSecond());
        return Math.min(kafkaDrain.perSecond(), postgres);
    }

    void print(PrintStream out) {
        int produced = warmUpEvents + events;
        out.println();
        out.println("Keyline ledger booking benchmark");
        out.printf("machine: %d cores, %s memory, %s%n", machine.cores(), machine.memory(), machine.java());
        out.printf(
                "events: %,d line events (%,d devices: provisioning + successful activation), %d keys;"
                        + " the first %,d of them warm the ledger up%n",
                produced, produced / 2, keys, warmUpEvents);
        out.println();
        out.printf("produce to Kafka (encode + send, all cores):   %s%n", this.produced);
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
        out.printf(
                "ledger booked every event:                     %s (%,d booked)%n",
                ledger.complete() ? "yes" : "no, timed out", ledger.booked());
        printWindow(out, "cold (first booked to end)", ledger.cold());
        printWindow(out, "warm (after the warm-up)", ledger.warm());
        out.printf("ledger RSS (VmRSS): peak %,d KiB, at end %,d KiB%n", ledger.peakRssKib(), ledger.endRssKib());
        out.printf("ledger books: consumed %,d, committed %,d over all keys%n", consumedTotal, committedTotal);
    }

    /** Prints a window's rate, its ratios and the CPU time per booked event, which varies least between runs. */
    private void printWindow(PrintStream out, String name, BookingWindow window) {
        out.println();
        if (window == null) {
            out.printf("ledger booking, %s: not measured; the last poll was the first after the warm-up%n", name);
            return;
        }
        Rate rate = window.rate();
        out.printf("ledger booking, %-27s    %s%n", name + ":", rate);
        out.printf("  ratio to the raw limit:                      %.1f %%%n", 100 * rate.perSecond() / rawLimit());
        out.printf(
                "  ratio to COPY of all the ledger's rows:      %.1f %%%n",
                100 * rate.perSecond() / ledgerRowsCopy.perSecond());
        if (rate.elapsed().compareTo(MIN_WINDOW) < 0) {
            out.printf(
                    "  note: the window is %.1f s, too short to compare with the targets in docs/BENCHMARKS.md;"
                            + " measure at least 1,000,000 events%n",
                    rate.elapsed().toMillis() / 1000.0);
        }
        CpuSnapshot cpu = window.cpu();
        if (cpu == null || rate.items() == 0) {
            out.println("  CPU per booked event:                        not measured (no /proc or no booked event)");
            return;
        }
        double microsPerTick = 1e6 / CpuSnapshot.TICKS_PER_SECOND;
        double ledgerMicros = cpu.ledgerTicks() * microsPerTick / rate.items();
        double postgresMicros = cpu.postgresTicks() * microsPerTick / rate.items();
        double machineMicros = cpu.machineBusyTicks() * microsPerTick / rate.items();
        double busy = cpu.machineBusyTicks()
                * 1e9
                / (CpuSnapshot.TICKS_PER_SECOND * (double) rate.elapsed().toNanos() * machine.cores());
        out.printf(
                "  CPU per booked event:                        ledger %.1f µs, PostgreSQL %.1f µs, rest %.1f µs,"
                        + " machine %.1f µs (%.0f %% of %d cores busy)%n",
                ledgerMicros,
                postgresMicros,
                machineMicros - ledgerMicros - postgresMicros,
                machineMicros,
                100 * busy,
                machine.cores());
    }
}
