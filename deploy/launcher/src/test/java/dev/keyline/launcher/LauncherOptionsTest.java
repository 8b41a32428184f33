package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void runWithoutOptionsUsesDefaults() {
        LauncherOptions options = LauncherOptions.parse(List.of("run"));

        assertThat(options.scenario()).isEmpty();
        assertThat(options.summaryJson()).isEmpty();
        assertThat(options.workDirectory()).isEqualTo(Path.of(".keyline"));
        assertThat(options.exitAfterSummary()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void runReadsEveryOption() {
        LauncherOptions options = LauncherOptions.parse(List.of(
                "run",
                "--scenario",
                "s.jsonl",
                "--exit-after-summary",
                "--summary-json",
                "out/summary.json",
                "--work-dir",
                "/tmp/kl",
                "--fresh"));

        assertThat(options.scenario()).isEqualTo(Optional.of(Path.of("s.jsonl")));
        assertThat(options.summaryJson()).isEqualTo(Optional.of(Path.of("out/summary.json")));
        assertThat(options.workDirectory()).isEqualTo(Path.of("/tmp/kl"));
        assertThat(options.exitAfterSummary()).isTrue();
        assertThat(options.fresh()).isTrue();
    }

    @Test
    void helpWorksAsCommandAndAsOption() {
        assertThat(LauncherOptions.parse(List.of("--help")).help()).isTrue();
        assertThat(LauncherOptions.parse(List.of("-h")).help()).isTrue();
        assertThat(LauncherOptions.parse(List.of("run", "--help")).help()).isTrue();
    }

    @Test
    void usageNamesEveryOptionWithDefault() {
        assertThat(LauncherOptions.USAGE)
                .contains("--scenario FILE", "--exit-after-summary", "--summary-json FILE", "--work-dir DIR")
                .contains("--fresh", "Default: .keyline", "Default: 19092", "Default: 8081");
    }

    @Test
    void missingCommandIsRejected() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("missing command");
    }

    @Test
    void unknownCommandIsRejected() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("start")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown command 'start'");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("run", "--fast")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option '--fast'");
    }

    @Test
    void optionWithoutPathIsRejected() {
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("run", "--scenario")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--scenario needs a path");
        assertThatThrownBy(() -> LauncherOptions.parse(List.of("run", "--work-dir", "--fresh")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--work-dir needs a path");
    }
}
