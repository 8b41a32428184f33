package dev.keyline.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes a work directory for {@code --fresh}, refusing paths that could hold anything but stack data. */
public final class WorkDirectory {

    private WorkDirectory() {}

    /**
     * Deletes {@code directory} and everything in it, if it exists.
     *
     * @throws UsageException when the directory is the repository root or one of its parents, or contains a
     *     {@code .git} or {@code pom.xml}, because deleting it would delete source code
     */
    public static void delete(Path directory, Path repositoryRoot) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Path root = repositoryRoot.toAbsolutePath().normalize();
        if (root.startsWith(target)) {
            throw new UsageException("refusing to delete work directory " + target + ": it contains the repository "
                    + root + "; choose another --work-dir");
        }
        if (Files.exists(target.resolve(".git")) || Files.exists(target.resolve("pom.xml"))) {
            throw new UsageException("refusing to delete work directory " + target
                    + ": it contains .git or pom.xml, so it looks like source code; choose another --work-dir");
        }
        if (!Files.exists(target)) {
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
