package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.launcher.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void createsAndMarksNewDirectory() throws Exception {
        Path work = temp.resolve("run");

        WorkDirectory.prepare(work, false);

        assertThat(work.resolve(WorkDirectory.MARKER)).exists();
    }

    @Test
    void emptiesItsOwnDirectory() throws Exception {
        Path work = temp.resolve("run");
        WorkDirectory.prepare(work, false);
        Files.createDirectories(work.resolve("kafka/logs"));
        Files.writeString(work.resolve("ledger-booking.log"), "booked");

        WorkDirectory.prepare(work, false);

        try (var entries = Files.list(work)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly(WorkDirectory.MARKER);
        }
    }

    @Test
    void rejectsDirectoryWithOtherFiles() throws Exception {
        Path notes = Files.writeString(temp.resolve("my-notes.txt"), "keep me");

        assertThatThrownBy(() -> WorkDirectory.prepare(temp, false))
                .isInstanceOf(UsageException.class)
                .hasMessage("--work-dir " + temp + " is not empty and was not made by an earlier benchmark run, which"
                        + " empties it first; give a new or empty directory");
        assertThat(notes).hasContent("keep me");
    }

    @Test
    void emptiesUnmarkedDirectoryInBuildOutput() throws Exception {
        Files.writeString(temp.resolve("ledger-booking.log"), "from a run before the marker");

        WorkDirectory.prepare(temp, true);

        try (var entries = Files.list(temp)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly(WorkDirectory.MARKER);
        }
    }

    @Test
    void rejectsFile() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> WorkDirectory.prepare(file, false))
                .isInstanceOf(UsageException.class)
                .hasMessage("--work-dir " + file + " is a file; give a directory");
    }
}
