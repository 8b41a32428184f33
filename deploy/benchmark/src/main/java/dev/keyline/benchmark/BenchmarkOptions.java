package dev.keyline.benchmark;

import dev.keyline.launcher.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of {@code bin/benchmark-ledger}.
 *
 * @param events line events to produce and book; half are provisionings and half successful activations
 * @param warmUpEvents further line events produced before them, which the ledger books before the warm measurement
 *     starts
 * @param keys registered keys the devices are spread over
 * @param insertConnections connections of the raw PostgreSQL insert measurement
 * @param bookingTimeout how long to wait for the ledger to book every event; the rate is then measured over the
 *     events booked so far
 * @param workDirectory where Kafka keeps its data and the ledger writes its log
 * @param ledgerEnvironment environment variables added to the measured ledger's, such as its Kafka poll size
 * @param help print the usage and exit
 */
public record BenchmarkOptions(
        int events,
        int warmUpEvents,
        int keys,
        int insertConnections,
        Duration bookingTimeout,
        Path workDirectory,
        Map<String, String> ledgerEnvironment,
        boolean help) {

    public static final int MIN_EVENTS = 1_000;
    /** At most this many measured events, and as many warm-up events, so that their sum fits an int. */
    public static final int MAX_EVENTS = 100_000_000;
    /** The largest allotment the ledger accepts for a key (the limit of its key registration request). */
    public static final long MAX_ALLOTMENT = 100_000_000L;

    public static final int MAX_CONNECTIONS = 100;
    public static final int MAX_TIMEOUT_SECONDS = 86_400;
    /** The made-up partial keys have three digits and key names are skipped to spread them, so at most 200 keys. */
    public static final int MAX_KEYS = 200;

    public static final String USAGE =
            """
            Usage: bin/benchmark-ledger [OPTIONS]

            Starts Kafka and PostgreSQL on 127.0.0.1, produces line events, measures the raw
            Kafka drain rate and the raw PostgreSQL insert rate, then starts the packaged
            ledger-service and measures how fast it books the same events.

            Options:
              --events N                   Line events to measure (even, 1000 to 100000000).
                                           Default: 1000000.
              --warm-up-events N           Line events produced before them, booked before the
                                           warm measurement starts (even, 0 to 100000000; 0 for
                                           none). Default: 2000000.
              --keys N                     Registered keys the devices are spread over (1 to 200),
                                           named so that they take the topic's partitions in turn.
                                           Default: 9.
              --insert-connections N       Connections of the raw PostgreSQL insert measurement
                                           (1 to 100). Default: 3.
              --booking-timeout-seconds N  Seconds to wait for the ledger to book every event
                                           (1 to 86400); after that the rates cover the events
                                           booked so far. Default: 1800.
              --work-dir DIR               Directory for Kafka data and the ledger log, emptied
                                           first. It must be new, empty or made by an earlier
                                           run. Default: deploy/benchmark/target/run.
              --ledger-env NAME=VALUE      Environment variable for the measured ledger, such as
                                           MP_MESSAGING_INCOMING_LINE_EVENTS_MAX_POLL_RECORDS=2000
                                           (records per batch). Repeatable. Default: none.
              -h, --help                   Print this help and exit.
            """;

    /** Parses the arguments after the program name; {@code --help} anywhere wins over every other option. */
    public static BenchmarkOptions parse(List<String> arguments, Path repositoryRoot) {
        int events = 1_000_000;
        int warmUp = 2_000_000;
        int keys = 9;
        int connections = 3;
        Duration timeout = Duration.ofSeconds(1800);
        Path workDirectory = defaultWorkDirectory(repositoryRoot);
        Map<String, String> ledgerEnvironment = new TreeMap<>();
        if (arguments.contains("-h") || arguments.contains("--help")) {
            return new BenchmarkOptions(
                    events, warmUp, keys, connections, timeout, workDirectory, ledgerEnvironment, true);
        }
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            switch (option) {
                case "--events" -> events = number(option, value(arguments, ++i, option), MIN_EVENTS, MAX_EVENTS);
                case "--warm-up-events" -> warmUp = number(option, value(arguments, ++i, option), 0, MAX_EVENTS);
                case "--keys" -> keys = number(option, value(arguments, ++i, option), 1, MAX_KEYS);
                case "--insert-connections" -> connections =
                        number(option, value(arguments, ++i, option), 1, MAX_CONNECTIONS);
                case "--booking-timeout-seconds" -> timeout =
                        Duration.ofSeconds(number(option, value(arguments, ++i, option), 1, MAX_TIMEOUT_SECONDS));
                case "--work-dir" -> workDirectory = Path.of(value(arguments, ++i, option));
                case "--ledger-env" -> addVariable(ledgerEnvironment, value(arguments, ++i, option));
                default -> throw new UsageException(
                        "unknown option '" + option + "'; 'bin/benchmark-ledger --help' lists the options");
            }
        }
        if (events % 2 != 0) {
            throw new UsageException("invalid --events " + events + ": give an even number, one provisioning and one"
                    + " activation per device");
        }
        if (warmUp % 2 != 0) {
            throw new UsageException("invalid --warm-up-events " + warmUp
                    + ": give an even number, one provisioning and" + " one activation per device");
        }
        BenchmarkOptions options = new BenchmarkOptions(
                events, warmUp, keys, connections, timeout, workDirectory.toAbsolutePath(), ledgerEnvironment, false);
        if (options.allotmentPerKey() > MAX_ALLOTMENT) {
            throw new UsageException(String.format(
                    "%,d events over %d keys give each key an allotment of %,d, above the ledger's maximum of %,d;"
                            + " use more --keys or fewer events",
                    options.producedEvents(), keys, options.allotmentPerKey(), MAX_ALLOTMENT));
        }
        return options;
    }

    /** Returns the work directory a run uses without {@code --work-dir}, in the benchmark module's build output. */
    public static Path defaultWorkDirectory(Path repositoryRoot) {
        return repositoryRoot.resolve("deploy/benchmark/target/run").toAbsolutePath();
    }

    /** Line events produced in all: the warm-up events, then the measured ones. */
    public int producedEvents() {
        return warmUpEvents + events;
    }

    /** Returns the allotment each key is registered with: its share of the devices and 1,000 to spare. */
    public long allotmentPerKey() {
        return producedEvents() / 2 / keys + 1_000L;
    }

    private static void addVariable(Map<String, String> environment, String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--ledger-env must be NAME=VALUE, got '" + assignment + "'");
        }
        environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    private static String value(List<String> arguments, int index, String option) {
        if (index >= arguments.size()) {
            throw new UsageException(option + " needs a value; 'bin/benchmark-ledger --help' lists the options");
        }
        return arguments.get(index);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException(
                String.format("%s must be a whole number from %d to %d, got '%s'", option, min, max, value));
    }
}
