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
    /** The made-up partial keys have three digits and key names are skipped to spread them, so at most 200 keys. */
    public static final int MAX_KEYS = 200;

    public static final String USAGE =
            """
            Usage: bin/benchmark-ledger [OPTIONS]

            Starts Kafka and PostgreSQL on 127.0.0.1, produces line events, measures the raw
            Kafka drain rate and the raw PostgreSQL insert rate, then starts the packaged
            ledger-service and measures how fast it books the same events.

            Options:
              --events N                   Line events to measure (even, at least 1000).
                                           Default: 1000000.
              --warm-up-events N           Line events produced before them, booked before the
                                           warm measurement starts (even, 0 for none).
                                           Default: 300000.
              --keys N                     Registered keys the devices are spread over (1 to 200),
                                           named so that they take the topic's partitions in turn.
                                           Default: 9.
              --insert-connections N       Connections of the raw PostgreSQL insert measurement.
                                           Default: 3.
              --booking-timeout-seconds N  Seconds to wait for the ledger to book every event;
                                           after that the rate covers the events booked so far.
                                           Default: 1800.
              --work-dir DIR               Directory for Kafka data and the ledger log, emptied
                                           first. Default: deploy/benchmark/target/run.
              --ledger-env NAME=VALUE      Environment variable for the measured ledger, such as
                                           MP_MESSAGING_INCOMING_LINE_EVENTS_MAX_POLL_RECORDS=2000
                                           (records per batch). Repeatable. Default: none.
              -h, --help                   Print this help and exit.
            """;

    /** Parses the arguments after the program name. */
    public static BenchmarkOptions parse(List<String> arguments, Path repositoryRoot) {
        int events = 1_000_000;
        int warmUp = 300_000;
        int keys = 9;
        int connections = 3;
        Duration timeout = Duration.ofSeconds(1800);
        Path workDirectory = repositoryRoot.resolve("deploy/benchmark/target/run");
        Map<String, String> ledgerEnvironment = new TreeMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            switch (option) {
                case "-h", "--help" -> {
                    if (keys > MAX_KEYS) {
                        throw new UsageException("--keys must be at most " + MAX_KEYS + ", got " + keys);
                    }
                    return new BenchmarkOptions(
                            events, warmUp, keys, connections, timeout, workDirectory, ledgerEnvironment, true);
                }
                case "--events" -> events = positive(option, value(arguments, ++i, option));
                case "--warm-up-events" -> warmUp = nonNegative(option, value(arguments, ++i, option));
                case "--keys" -> keys = positive(option, value(arguments, ++i, option));
                case "--insert-connections" -> connections = positive(option, value(arguments, ++i, option));
                case "--booking-timeout-seconds" -> timeout =
                        Duration.ofSeconds(positive(option, value(arguments, ++i, option)));
                case "--work-dir" -> workDirectory = Path.of(value(arguments, ++i, option));
                case "--ledger-env" -> addVariable(ledgerEnvironment, value(arguments, ++i, option));
                default -> throw new UsageException(
                        "unknown option '" + option + "'; 'bin/benchmark-ledger --help' lists the options");
            }
        }
        if (events < MIN_EVENTS || events % 2 != 0) {
            throw new UsageException("--events must be an even number of at least " + MIN_EVENTS + ", got " + events);
        }
        if (warmUp % 2 != 0) {
            throw new UsageException("--warm-up-events must be an even number, got " + warmUp);
        }
        if (keys > MAX_KEYS) {
            throw new UsageException("--keys must be at most " + MAX_KEYS + ", got " + keys);
        }
        return new BenchmarkOptions(
                events, warmUp, keys, connections, timeout, workDirectory.toAbsolutePath(), ledgerEnvironment, false);
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

    /** Line events produced in all: the warm-up events, then the measured ones. */
    public int producedEvents() {
        return warmUpEvents + events;
    }

    private static int nonNegative(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException(
                option + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got '" + value + "'");
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new UsageException(
                option + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", got '" + value + "'");
    }
}
