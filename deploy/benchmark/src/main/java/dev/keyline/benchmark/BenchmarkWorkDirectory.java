package dev.keyline.benchmark;

import dev.keyline.launcher.UsageException;
import dev.keyline.launcher.WorkDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The benchmark's work directory, emptied before each run. So that no other files are lost, the benchmark empties
 * only a directory that is new, empty, marked by an earlier run, or the default one in the build output.
 */
final class BenchmarkWorkDirectory {

    /** The file that marks a directory as the benchmark's own. */
    static final String MARKER = ".benchmark-ledger-work-dir";

    private BenchmarkWorkDirectory() {}

    /**
     * Empties or creates {@code directory} and marks it. Rejects a non-empty directory without the marker unless it is
     * {@code inBuildOutput}, the default directory under {@code target/}, which runs before the marker left unmarked.
     * Deleting goes through the launcher's {@link WorkDirectory}, which also rejects a directory of source code.
     */
    static void prepare(Path directory, boolean inBuildOutput, Path repositoryRoot) throws IOException {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new UsageException("invalid --work-dir " + directory + ": it is a file; give a directory");
            }
            if (!inBuildOutput && !isEmpty(directory) && !Files.exists(directory.resolve(MARKER))) {
                throw new UsageException("invalid --work-dir " + directory + ": it contains files that no earlier"
                        + " benchmark run made, and a run empties it first; give a new or empty directory");
            }
            WorkDirectory.delete(directory, repositoryRoot);
        }
        Files.createDirectories(directory);
        Files.createFile(directory.resolve(MARKER));
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
