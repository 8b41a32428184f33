package dev.keyline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the benchmark ran on: cores, memory, Java runtime, and the load average when the run started, because
 * other work on the machine changes every rate the benchmark measures.
 */
record MachineInfo(int cores, String memory, String java, String loadAverage) {

    static MachineInfo current() {
        String memory = "unknown";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> line.substring("MemTotal:".length()).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            // not Linux: the report prints unknown
        }
        String load = "unknown";
        try {
            // The first three fields of /proc/loadavg: the averages over 1, 5 and 15 minutes.
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            load = String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            // not Linux: the report prints unknown
        }
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory, java, load);
    }
}
