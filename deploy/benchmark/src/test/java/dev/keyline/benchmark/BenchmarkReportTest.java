package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    private static final String COMPILING_NOTE = "the JIT compilers used";

    @Test
    void warmWindowStillCompilingGetsNote() {
        // 30 s of booking: the ledger used 600 ticks, 300 of them in its compiler threads.
        String printed = print(new CpuSnapshot(600, 900, 1_800, 300));

        assertThat(printed)
                .contains("note:")
                .contains("the JIT compilers used 50 % of the ledger's CPU in this window");
        assertThat(printed).contains("ledger 20.0 µs (JIT compilers 10.0 µs), PostgreSQL 30.0 µs");
    }

    @Test
    void warmWindowNotCompilingHasNoNote() {
        String printed = print(new CpuSnapshot(600, 900, 1_800, 60));

        assertThat(printed).doesNotContain(COMPILING_NOTE);
        assertThat(printed).contains("ledger 20.0 µs (JIT compilers 2.0 µs)");
    }

    @Test
    void coldWindowGetsNoCompilingNote() {
        BookingWindow cold = BookingWindow.measured(1_000, rate(), new CpuSnapshot(600, 900, 1_800, 300));
        BookingWindow warm = BookingWindow.measured(2_000_000, rate(), new CpuSnapshot(600, 900, 1_800, 0));

        assertThat(print(cold, warm, rate())).doesNotContain(COMPILING_NOTE);
    }

    @Test
    void printsLoadAverageAtStart() {
        assertThat(print(new CpuSnapshot(600, 900, 1_800, 0))).contains("load average 1.96 2.40 2.71 at the start");
    }

    @Test
    void rawCopyDriftGetsNote() {
        // Before the ledger 10,000 rows/s, after it 13,000: 30 % faster.
        String printed = print(new Rate(390_000, Duration.ofSeconds(30)));

        assertThat(printed)
                .contains("raw PostgreSQL COPY again, after the ledger:")
                .contains("the raw COPY after the ledger was 30 % faster than before it");
        assertThat(printed).contains("ratio to the raw COPY after the ledger:          76.9 %");
    }

    @Test
    void steadyRawCopyHasNoDriftNote() {
        String printed = print(new Rate(330_000, Duration.ofSeconds(30)));

        assertThat(printed).doesNotContain("the raw COPY after the ledger was");
        assertThat(printed).contains("ratio to the raw COPY after the ledger:          90.9 %");
    }

    private static String print(CpuSnapshot warmCpu) {
        BookingWindow cold = BookingWindow.measured(1_000, rate(), new CpuSnapshot(600, 900, 1_800, 0));
        return print(cold, BookingWindow.measured(2_000_000, rate(), warmCpu), rate());
    }

    private static String print(Rate copyAfter) {
        CpuSnapshot cpu = new CpuSnapshot(600, 900, 1_800, 0);
        return print(
                BookingWindow.measured(1_000, rate(), cpu), BookingWindow.measured(2_000_000, rate(), cpu), copyAfter);
    }

    /** Returns 300,000 events in 30 s. A tick is 10 ms, so 600 ticks over these events are 20 µs per event. */
    private static Rate rate() {
        return new Rate(300_000, Duration.ofSeconds(30));
    }

    private static String print(BookingWindow cold, BookingWindow warm, Rate copyAfter) {
        BookingResult booking =
                new BookingResult(3_000_000, true, Duration.ofSeconds(4), rate(), cold, warm, 700_000, 690_000);
        BenchmarkReport report = new BenchmarkReport(
                new MachineInfo(2, "24731408 kB", "OpenJDK 17", "1.96 2.40 2.71"),
                1_000_000,
                2_000_000,
                9,
                3,
                Map.of(),
                rate(),
                rate(),
                rate(),
                rate(),
                rate(),
                copyAfter,
                booking,
                1_500_000,
                0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
