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
        Rate postgresCopyAfter,
        BookingResult ledger,
        long consumedTotal,
        long committedTotal) {

    /** Below this, a booking rate rests on a few one-second status polls and is not meaningful. */
    static final Duration MIN_WINDOW = Duration.ofSeconds(10);

    /**
     * Above this share of the ledger's CPU in a window, its JIT compilers were still at work. It was 6 % to 12 % in the
     * warm windows of docs/BENCHMARKS.md, 20 % to 22 % in their cold windows, and 63 % after 100,000 warm-up events.
     */
    static final double COMPILING_SHARE = 0.15;

    /**
     * Above this relative difference between the raw COPY rates before and after the ledger booked, the run's raw
     * limit depends on when it was measured. Runs of the same code on one machine had raw COPY rates from 57,122 to
     * 142,676 rows/s.
     */
    static final double RAW_DRIFT_SHARE = 0.15;

    /** The lower of the Kafka drain rate and the faster PostgreSQL insert method, in events per second. */
    double rawLimit() {
        double postgres = Math.max(postgresCopy.perSecond(), postgresInsert.perSecond());
        return Math.min(kafkaDrain.perSecond(), postgres);
    }

    void print(PrintStream out) {
        int producedEvents = warmUpEvents + events;
        out.println();
        out.println("Keyline ledger booking benchmark");
        out.printf(
                "machine: %d cores, %s memory, %s; load average %s at the start%n",
                machine.cores(), machine.memory(), machine.java(), machine.loadAverage());
        out.printf(
                "events: %,d line events (%,d devices: provisioning + successful activation), %d keys;"
                        + " the first %,d of them warm the ledger up%n",
                producedEvents, producedEvents / 2, keys, warmUpEvents);
        out.println();
        line(out, "produce to Kafka (encode + send, all cores)", produced);
        line(out, "raw Kafka drain (1 plain consumer)", kafkaDrain);
        line(out, "raw PostgreSQL COPY (" + insertConnections + " connections)", postgresCopy);
        line(out, "raw PostgreSQL multi-row INSERT (" + insertConnections + " connections)", postgresInsert);
        line(out, "raw limit (lower of Kafka and best PostgreSQL)", String.format("%,.0f/s", rawLimit()));
        line(out, "PostgreSQL COPY of all the ledger's rows", ledgerRowsCopy + " (events)");
        line(out, "raw PostgreSQL COPY again, after the ledger", postgresCopyAfter);
        double drift = postgresCopyAfter.perSecond() / postgresCopy.perSecond() - 1;
        if (Math.abs(drift) > RAW_DRIFT_SHARE) {
            line(
                    out,
                    "note",
                    String.format(
                            "the raw COPY after the ledger was %.0f %% %s than before it, so this run's ratios depend"
                                    + " on when the raw limit was measured",
                            100 * Math.abs(drift), drift > 0 ? "faster" : "slower"));
        }
        out.println();
        line(out, "ledger environment added", ledgerEnvironment);
        line(
                out,
                "ledger startup until ready",
                String.format("%.1f s", ledger.startup().toMillis() / 1000.0));
        line(out, "ledger booking, from ready", ledger.fromReady());
        line(
                out,
                "ledger booked every event",
                String.format("%s (%,d booked)", ledger.complete() ? "yes" : "no, timed out", ledger.booked()));
        printWindow(out, "cold, from the first poll that saw a booked event", ledger.cold(), false);
        printWindow(out, "warm, from the first poll after the warm-up", ledger.warm(), true);
        out.println();
        out.printf("ledger RSS (VmRSS): peak %,d KiB, at end %,d KiB%n", ledger.peakRssKib(), ledger.endRssKib());
        out.printf("ledger books: consumed %,d, committed %,d over all keys%n", consumedTotal, committedTotal);
    }

    /** Prints a window's rate, its ratios and the CPU time per booked event, and for the warm one any JIT note. */
    private void printWindow(PrintStream out, String name, BookingWindow window, boolean warm) {
        out.println();
        out.println("ledger booking, " + name + ":");
        if (!window.isMeasured()) {
            line(out, "  not measured", window.unmeasuredReason());
            return;
        }

        Rate rate = window.rate();
        line(out, String.format("  booked after the first %,d", window.fromBooked()), rate);
        line(out, "  ratio to the raw limit", String.format("%.1f %%", 100 * rate.perSecond() / rawLimit()));
        line(
                out,
                "  ratio to COPY of all the ledger's rows",
                String.format("%.1f %%", 100 * rate.perSecond() / ledgerRowsCopy.perSecond()));
        line(
                out,
                "  ratio to the raw COPY after the ledger",
                String.format("%.1f %%", 100 * rate.perSecond() / postgresCopyAfter.perSecond()));
        if (rate.elapsed().compareTo(MIN_WINDOW) < 0) {
            line(
                    out,
                    "  note",
                    String.format(
                            "the window is %.1f s, too short to compare with the targets in docs/BENCHMARKS.md;"
                                    + " measure at least 1,000,000 events",
                            rate.elapsed().toMillis() / 1000.0));
        }

        CpuSnapshot cpu = window.cpu();
        if (cpu == null || rate.items() == 0) {
            line(out, "  CPU per booked event", "not measured (no /proc, or no event booked in the window)");
            return;
        }

        double microsPerTick = 1e6 / CpuSnapshot.TICKS_PER_SECOND;
        if (warm && cpu.compilerTicks() > COMPILING_SHARE * cpu.ledgerTicks()) {
            line(
                    out,
                    "  note",
                    String.format(
                            "the JIT compilers used %.0f %% of the ledger's CPU in this window, so it measures a"
                                    + " ledger that was still compiling; give more --warm-up-events for a warm rate",
                            100.0 * cpu.compilerTicks() / cpu.ledgerTicks()));
        }
        double ledgerMicros = cpu.ledgerTicks() * microsPerTick / rate.items();
        double postgresMicros = Math.max(0, cpu.postgresTicks()) * microsPerTick / rate.items();
        double machineMicros = cpu.machineBusyTicks() * microsPerTick / rate.items();
        double busy = cpu.machineBusyTicks()
                * 1e9
                / (CpuSnapshot.TICKS_PER_SECOND * (double) rate.elapsed().toNanos() * machine.cores());
        String compilers = cpu.compilerTicks() < 0
                ? ""
                : String.format(" (JIT compilers %.1f µs)", cpu.compilerTicks() * microsPerTick / rate.items());
        line(
                out,
                "  CPU per booked event",
                String.format(
                        "ledger %.1f µs%s, PostgreSQL %s, rest %.1f µs, machine %.1f µs (%.0f %% of %d cores busy)",
                        ledgerMicros,
                        compilers,
                        cpu.postgresTicks() < 0 ? "not measured" : String.format("%.1f µs", postgresMicros),
                        machineMicros - ledgerMicros - postgresMicros,
                        machineMicros,
                        100 * busy,
                        machine.cores()));
    }

    /** Prints one figure after its label, the labels padded so that the figures line up. */
    private static void line(PrintStream out, String label, Object figure) {
        out.printf("%-50s %s%n", label + ":", figure);
    }
}
