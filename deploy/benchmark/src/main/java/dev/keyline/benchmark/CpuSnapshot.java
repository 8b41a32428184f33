package dev.keyline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by the ledger's JVM, by PostgreSQL's processes and by the whole machine, read from
 * {@code /proc} (Linux only), in clock ticks of 10 ms ({@code getconf CLK_TCK} prints 100 on this machine).
 *
 * @param ledgerTicks user and system time of the ledger's JVM
 * @param postgresTicks user and system time of every process named {@code postgres}, with the children they reaped,
 *     so that a backend that exits during a measurement still counts
 * @param machineBusyTicks time every core spent neither idle nor waiting for I/O, from {@code /proc/stat}
 */
record CpuSnapshot(long ledgerTicks, long postgresTicks, long machineBusyTicks) {

    /** Clock ticks per second of the times in {@code /proc}. */
    static final int TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    /** Reads the CPU times now, or returns null when {@code /proc} cannot be read (not Linux). */
    static CpuSnapshot take(long ledgerPid) {
        try {
            long ledger = 0;
            long postgres = 0;
            try (Stream<Path> entries = Files.list(PROC)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    ProcessTicks ticks = ProcessTicks.read(entry.resolve("stat"));
                    if (ticks == null) {
                        continue;
                    }
                    if (Long.parseLong(name) == ledgerPid) {
                        ledger = ticks.own();
                    } else if (ticks.command().equals("postgres")) {
                        postgres += ticks.own() + ticks.reapedChildren();
                    }
                }
            }
            return new CpuSnapshot(ledger, postgres, machineBusy());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Returns what was used between {@code earlier} and this snapshot. */
    CpuSnapshot minus(CpuSnapshot earlier) {
        return new CpuSnapshot(
                ledgerTicks - earlier.ledgerTicks,
                postgresTicks - earlier.postgresTicks,
                machineBusyTicks - earlier.machineBusyTicks);
    }

    /** Sums the busy fields of the first line of {@code /proc/stat}: all but idle and iowait, and guest time. */
    private static long machineBusy() throws IOException {
        String[] fields = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
        List<Integer> busy = List.of(1, 2, 3, 6, 7, 8); // user, nice, system, irq, softirq, steal
        long sum = 0;
        for (int index : busy) {
            sum += Long.parseLong(fields[index]);
        }
        return sum;
    }

    /** The command name and CPU times of one process, from {@code /proc/<pid>/stat}. */
    record ProcessTicks(String command, long own, long reapedChildren) {

        static ProcessTicks read(Path stat) {
            try {
                return parse(Files.readString(stat));
            } catch (IOException e) {
                return null; // the process ended while the snapshot was taken
            }
        }

        /** Reads a {@code stat} line; the command is in parentheses and may hold spaces and parentheses itself. */
        static ProcessTicks parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String command = line.substring(open + 1, close);
            // After the command: state is field 3 of stat(5); utime, stime, cutime and cstime are fields 14 to 17.
            String[] rest = line.substring(close + 2).split(" ");
            long user = Long.parseLong(rest[11]);
            long system = Long.parseLong(rest[12]);
            long childUser = Long.parseLong(rest[13]);
            long childSystem = Long.parseLong(rest[14]);
            return new ProcessTicks(command, user + system, childUser + childSystem);
        }
    }
}
