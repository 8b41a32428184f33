package dev.keyline.benchmark;

import dev.keyline.launcher.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark's work directory. It is emptied before each run, so the benchmark empties only a directory that is
 * new, already empty, marked by an earlier run, or the default one in the build's output, never one that contains
 * other files.
 */
final class WorkDirectory {

    /** The file that marks a directory as the benchmark's own. */
    static final String MARKER = ".benchmark-ledger-work-dir";

    private WorkDirectory() {}

    /**
     * Empties {@code directory}, or creates it, and marks it. Rejects a non-empty directory without the marker unless
     * {@code inBuildOutput}: the default directory under {@code target/}, which runs before the marker existed left
     * unmarked.
     */
    static void prepare(Path directory, boolean inBuildOutput) throws IOException {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new UsageException("--work-dir " + directory + " is a file; give a directory");
            }
            if (!inBuildOutput && !isEmpty(directory) && !Files.exists(directory.resolve(MARKER))) {
                throw new UsageException("--work-dir " + directory + " is not empty and was not made by an earlier"
                        + " benchmark run, which empties it first; give a new or empty directory");
            }
            deleteContents(directory);
        }
        Files.createDirectories(directory);
        Files.createFile(directory.resolve(MARKER));
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }
}
