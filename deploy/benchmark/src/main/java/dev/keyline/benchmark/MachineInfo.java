package dev.keyline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the benchmark ran on: cores, memory and Java runtime. */
record MachineInfo(int cores, String memory, String java) {

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
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory, java);
    }
}
