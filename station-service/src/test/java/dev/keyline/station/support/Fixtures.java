package dev.keyline.station.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Test fixtures under {@code src/test/resources/artifacts}, and the shared corpus of real station artifacts. */
public final class Fixtures {

    private Fixtures() {}

    public static String artifact(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/artifacts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("fixture missing: artifacts/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the corpus folder {@code ../shared/corpus} beside the repository root, which CI places beside the clone,
     * or nothing when it is absent. The repository root is the nearest folder up from the working directory that
     * contains {@code mvnw}.
     */
    public static Optional<Path> corpus() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null || directory.getParent() == null) {
            return Optional.empty();
        }
        Path corpus = directory.getParent().resolve("shared/corpus");
        return Files.isDirectory(corpus) ? Optional.of(corpus) : Optional.empty();
    }
}
