package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuSnapshotTest {

    @Test
    void readsTimesAfterCommandWithSpacesAndParentheses() {
        // Fields 14 to 17 of stat(5) are utime 700, stime 50, cutime 30 and cstime 4.
        String line = "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194304 103 0 0 0 700 50 30 4 20 0 1 0 2454576\n";

        CpuSnapshot.ProcessTicks ticks = CpuSnapshot.ProcessTicks.parse(line);

        assertThat(ticks.command()).isEqualTo("postgres: a (b) c");
        assertThat(ticks.own()).isEqualTo(750);
        assertThat(ticks.reapedChildren()).isEqualTo(34);
    }

    @Test
    void snapshotOfThisProcessCountsItsOwnTime() {
        long pid = ProcessHandle.current().pid();

        CpuSnapshot snapshot = CpuSnapshot.take(pid);

        assertThat(snapshot).isNotNull();
        assertThat(snapshot.ledgerTicks()).isPositive();
        assertThat(snapshot.machineBusyTicks()).isGreaterThanOrEqualTo(snapshot.ledgerTicks());
    }

    @Test
    void differenceIsTakenPerGroup() {
        CpuSnapshot earlier = new CpuSnapshot(100, 200, 1_000);
        CpuSnapshot later = new CpuSnapshot(160, 290, 1_300);

        assertThat(later.minus(earlier)).isEqualTo(new CpuSnapshot(60, 90, 300));
    }
}
