package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {

    @Test
    void skipsModulePomsWhoseParentIsKeyline(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("pom.xml"), pom("<artifactId>keyline-parent</artifactId>"));
        Path module = Files.createDirectories(directory.resolve("deploy/launcher"));
        Files.writeString(
                module.resolve("pom.xml"),
                pom("<parent><artifactId>keyline-parent</artifactId></parent>"
                        + "<artifactId>keyline-launcher</artifactId>"));
        Path nested = Files.createDirectories(module.resolve("src/main"));

        assertThat(RepositoryRoot.find(nested)).isEqualTo(directory.toAbsolutePath());
    }

    @Test
    void failsOutsideRepository(@TempDir Path directory) {
        assertThatThrownBy(() -> RepositoryRoot.find(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Keyline repository above");
    }

    @Test
    void unreadablePomHasNoArtifactId(@TempDir Path directory) throws Exception {
        Path pom = Files.writeString(directory.resolve("pom.xml"), "<project><artifactId>");

        assertThat(RepositoryRoot.projectArtifactId(pom)).isNull();
    }

    private static String pom(String content) {
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">" + content + "</project>";
    }
}
