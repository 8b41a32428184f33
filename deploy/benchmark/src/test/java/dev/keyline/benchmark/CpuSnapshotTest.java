package dev.keyline.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CpuSnapshotTest {

    @Test
    void parsesCommandWithParentheses() {
        // Fields 14 to 17 of stat(5) are utime 700, stime 50, cutime 30 and cstime 4.
        String line = "4242 (postgres: a (b) c) S 1 4242 4242 0 -1 4194304 103 0 0 0 700 50 30 4 20 0 1 0 2454576\n";

        CpuSnapshot.ProcessTicks ticks = CpuSnapshot.ProcessTicks.parse(line);

        assertThat(ticks.command()).isEqualTo("postgres: a (b) c");
        assertThat(ticks.parent()).isEqualTo(1);
        assertThat(ticks.own()).isEqualTo(750);
        assertThat(ticks.reapedChildren()).isEqualTo(34);
    }

    @Test
    void countsOwnProcessTime() {
        long pid = ProcessHandle.current().pid();

        CpuSnapshot snapshot = CpuSnapshot.take(pid, -1, new CompilerThreads(pid));

        assertThat(snapshot).isNotNull();
        assertThat(snapshot.ledgerTicks()).isPositive();
        assertThat(snapshot.postgresTicks()).isEqualTo(-1);
        assertThat(snapshot.machineBusyTicks()).isGreaterThanOrEqualTo(snapshot.ledgerTicks());
        assertThat(snapshot.compilerTicks()).isBetween(0L, snapshot.ledgerTicks());
    }

    @Test
    void countsOnlyServerOnPort() throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startEphemeral();
                EmbeddedPostgresServer second = EmbeddedPostgresServer.startEphemeral()) {
            long postmaster = CpuSnapshot.postmasterPid(first.port());

            assertThat(postmaster).isPositive().isNotEqualTo(CpuSnapshot.postmasterPid(second.port()));
            assertThat(ProcessHandle.of(postmaster)
                            .orElseThrow()
                            .info()
                            .command()
                            .orElse(""))
                    .endsWith("/postgres");
            try (Connection connection = first.database("postgres").getConnection();
                    Statement statement = connection.createStatement()) {
                long before = CpuSnapshot.take(-1, postmaster, new CompilerThreads(-1))
                        .postgresTicks();
                // About a second of CPU in the backend of this connection, a child of the postmaster.
                statement.execute("SELECT count(*) FROM generate_series(1, 20000000)");
                long after = CpuSnapshot.take(-1, postmaster, new CompilerThreads(-1))
                        .postgresTicks();

                assertThat(after - before).isGreaterThanOrEqualTo(10);
            }
        }
        assertThat(CpuSnapshot.postmasterPid(1)).isEqualTo(-1);
    }

    @Test
    void differenceKeepsUnmeasuredPostgresAndCompilers() {
        CpuSnapshot earlier = new CpuSnapshot(100, -1, 1_000, 20);
        CpuSnapshot later = new CpuSnapshot(160, -1, 1_300, -1);

        assertThat(later.minus(earlier)).isEqualTo(new CpuSnapshot(60, -1, 300, -1));
    }

    @Test
    void differenceIsTakenPerGroup() {
        CpuSnapshot earlier = new CpuSnapshot(100, 200, 1_000, 20);
        CpuSnapshot later = new CpuSnapshot(160, 290, 1_300, 35);

        assertThat(later.minus(earlier)).isEqualTo(new CpuSnapshot(60, 90, 300, 15));
    }
}
