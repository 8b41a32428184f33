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
    void defaultsMeasureAfterWarmUp() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of(), ROOT);

        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.warmUpEvents()).isEqualTo(2_000_000);
        assertThat(options.producedEvents()).isEqualTo(3_000_000);
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
                .hasMessage("invalid --warm-up-events 3: give an even number, one provisioning and one activation per"
                        + " device");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--warm-up-events", "-2"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--warm-up-events must be a whole number from 0 to 100000000, got '-2'");
    }

    @Test
    void rejectsKeysOutOfRange() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--keys", "201"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--keys must be a whole number from 1 to 200, got '201'");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--keys", "0"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--keys must be a whole number from 1 to 200, got '0'");
    }

    @Test
    void rejectsOverflowingEventCount() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--events", "2147483646"), ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("--events must be a whole number from 1000 to 100000000, got '2147483646'");
    }

    @Test
    void rejectsAllotmentAboveLedgerMaximum() {
        List<String> arguments = List.of("--events", "100000000", "--warm-up-events", "100000000", "--keys", "1");

        assertThatThrownBy(() -> BenchmarkOptions.parse(arguments, ROOT))
                .isInstanceOf(UsageException.class)
                .hasMessage("200,000,000 events over 1 keys give each key an allotment of 100,001,000, above the"
                        + " ledger's maximum of 100,000,000; use more --keys or fewer events");
    }

    @Test
    void allotmentCoversEachKeysDevices() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--events", "100000000", "--keys", "2"), ROOT);

        // 102,000,000 events are 51,000,000 devices, 25,500,000 a key, and 1,000 to spare.
        assertThat(options.allotmentPerKey()).isEqualTo(25_501_000);
    }

    @Test
    void helpWinsOverInvalidOptions() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--keys", "500", "--help"), ROOT);

        assertThat(options.help()).isTrue();
    }
}
