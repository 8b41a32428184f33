package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.launcher.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsMeasureAMillionEventsAfterAWarmUp() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of(), ROOT);

        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.warmUpEvents()).isEqualTo(300_000);
        assertThat(options.producedEvents()).isEqualTo(1_300_000);
        assertThat(options.keys()).isEqualTo(9);
        assertThat(options.workDirectory()).isEqualTo(Path.of("/repo/deploy/benchmark/target/run"));
    }

    @Test
    void warmUpCanBeLeftOut() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--events", "2000", "--warm-up-events", "0"), ROOT);

        assertThat(options.warmUpEvents()).isZero();
        assertThat(options.producedEvents()).isEqualTo(2_000);
    }

    @Test
    void rejectsOddOrNegativeWarmUp() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--warm-up-events", "3"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--warm-up-events must be an even number, got 3");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--warm-up-events", "-2"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--warm-up-events must be a whole number from 0 to 2147483647, got '-2'");
    }

    @Test
    void rejectsTooManyKeys() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--keys", "201"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--keys must be at most 200, got 201");
    }
}
