package dev.keyline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Adds up the CPU time of one JVM's JIT compiler threads, read from {@code /proc/<pid>/task} (Linux only), in clock
 * ticks. The JVM starts and stops compiler threads as its compile queue grows and shrinks, and a thread's time leaves
 * {@code /proc} with the thread, so each {@link #sample} adds what every compiler thread used since the sample before.
 * A thread that ends between two samples loses what it used after the first of them, so the sum errs low.
 */
final class CompilerThreads {

    /** Thread names as {@code /proc} shows them: cut to 15 characters. */
    private static final List<String> NAME_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre");

    private final Path tasks;
    private final Map<String, Long> lastTicks = new HashMap<>();
    private long total;

    CompilerThreads(long pid) {
        this(Path.of("/proc", Long.toString(pid), "task"));
    }

    /** Reads the threads of the directory {@code tasks}, laid out as {@code /proc/<pid>/task}. */
    CompilerThreads(Path tasks) {
        this.tasks = tasks;
    }

    /** Adds the time used since the last sample and returns the sum so far, or -1 when {@code /proc} is unreadable. */
    long sample() {
        List<Path> threads;
        try (Stream<Path> entries = Files.list(tasks)) {
            threads = entries.toList();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        for (Path thread : threads) {
            CpuSnapshot.ProcessTicks ticks = CpuSnapshot.ProcessTicks.read(thread.resolve("stat"));
            if (ticks == null || NAME_PREFIXES.stream().noneMatch(ticks.command()::startsWith)) {
                continue;
            }
            Long before = lastTicks.put(thread.getFileName().toString(), ticks.own());
            total += ticks.own() - (before == null ? 0 : before);
        }
        return total;
    }
}
