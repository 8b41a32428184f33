package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.launcher.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkWorkDirectoryTest {

    /** A repository root elsewhere, so that the launcher's check against deleting source code passes. */
    private static final Path REPOSITORY = Path.of("/nonexistent-keyline-repository");

    @TempDir
    Path temp;

    @Test
    void createsAndMarksNewDirectory() throws Exception {
        Path work = temp.resolve("run");

        BenchmarkWorkDirectory.prepare(work, false, REPOSITORY);

        assertThat(work.resolve(BenchmarkWorkDirectory.MARKER)).exists();
    }

    @Test
    void emptiesItsOwnDirectory() throws Exception {
        Path work = temp.resolve("run");
        BenchmarkWorkDirectory.prepare(work, false, REPOSITORY);
        Files.createDirectories(work.resolve("kafka/logs"));
        Files.writeString(work.resolve("ledger-booking.log"), "booked");

        BenchmarkWorkDirectory.prepare(work, false, REPOSITORY);

        try (var entries = Files.list(work)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .containsExactly(BenchmarkWorkDirectory.MARKER);
        }
    }

    @Test
    void rejectsDirectoryWithOtherFiles() throws Exception {
        Path notes = Files.writeString(temp.resolve("my-notes.txt"), "keep me");

        assertThatThrownBy(() -> BenchmarkWorkDirectory.prepare(temp, false, REPOSITORY))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid --work-dir " + temp + ": it contains files that no earlier benchmark run made, and"
                        + " a run empties it first; give a new or empty directory");
        assertThat(notes).hasContent("keep me");
    }

    @Test
    void emptiesUnmarkedDirectoryInBuildOutput() throws Exception {
        Files.writeString(temp.resolve("ledger-booking.log"), "from a run before the marker");

        BenchmarkWorkDirectory.prepare(temp, true, REPOSITORY);

        try (var entries = Files.list(temp)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .containsExactly(BenchmarkWorkDirectory.MARKER);
        }
    }

    @Test
    void rejectsFile() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> BenchmarkWorkDirectory.prepare(file, false, REPOSITORY))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid --work-dir " + file + ": it is a file; give a directory");
    }
}
