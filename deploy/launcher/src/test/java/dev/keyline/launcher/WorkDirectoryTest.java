package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTest {

    @Test
    void deletesNestedData(@TempDir Path directory) throws Exception {
        Path work = directory.resolve("repo/.keyline");
        Files.createDirectories(work.resolve("kafka/data"));
        Files.writeString(work.resolve("kafka/data/meta.properties"), "x");
        Files.writeString(work.resolve("fingerprint-secret"), "x");

        WorkDirectory.delete(work, directory.resolve("repo"));

        assertThat(work).doesNotExist();
        assertThat(directory.resolve("repo")).exists();
    }

    @Test
    void missingDirectoryIsFine(@TempDir Path directory) throws Exception {
        WorkDirectory.delete(directory.resolve("absent"), directory.resolve("repo"));

        assertThat(directory.resolve("absent")).doesNotExist();
    }

    @Test
    void refusesRepositoryAndParents(@TempDir Path directory) {
        Path repository = directory.resolve("repo");

        assertThatThrownBy(() -> WorkDirectory.delete(repository, repository))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("it contains the repository");
        assertThatThrownBy(() -> WorkDirectory.delete(directory, repository))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("it contains the repository");
    }

    @Test
    void refusesSourceDirectory(@TempDir Path directory) throws Exception {
        Path other = Files.createDirectories(directory.resolve("other-project"));
        Files.writeString(other.resolve("pom.xml"), "<project/>");

        assertThatThrownBy(() -> WorkDirectory.delete(other, directory.resolve("repo")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("looks like source code");
        assertThat(other.resolve("pom.xml")).exists();
    }
}
