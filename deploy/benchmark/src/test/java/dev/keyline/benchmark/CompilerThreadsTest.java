package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsTest {

    @TempDir
    Path tasks;

    @Test
    void addsCompilerThreadsOnly() throws IOException {
        thread("11", "C2 CompilerThre", 300, 20);
        thread("12", "C1 CompilerThre", 40, 5);
        thread("13", "vert.x-eventloo", 900, 100);
        CompilerThreads compilers = new CompilerThreads(tasks);

        assertThat(compilers.sample()).isEqualTo(365);
    }

    @Test
    void keepsTimeOfThreadsThatEnded() throws IOException {
        thread("11", "C2 CompilerThre", 300, 20);
        thread("12", "C2 CompilerThre", 50, 0);
        CompilerThreads compilers = new CompilerThreads(tasks);
        compilers.sample();

        // Thread 12 ends, thread 11 uses 30 more ticks and thread 14 starts with 7.
        Files.delete(tasks.resolve("12/stat"));
        Files.delete(tasks.resolve("12"));
        thread("11", "C2 CompilerThre", 330, 20);
        thread("14", "C2 CompilerThre", 7, 0);

        assertThat(compilers.sample()).isEqualTo(370 + 30 + 7);
    }

    @Test
    void missingProcessIsNotRead() {
        assertThat(new CompilerThreads(tasks.resolve("absent")).sample()).isEqualTo(-1);
    }

    /** Writes a {@code stat} line for one thread with its user and system ticks. */
    private void thread(String tid, String name, long user, long system) throws IOException {
        Path directory = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(
                directory.resolve("stat"),
                tid + " (" + name + ") S 1 1 1 0 -1 4194304 103 0 0 0 " + user + " " + system
                        + " 0 0 20 0 1 0 2454576\n");
    }
}
