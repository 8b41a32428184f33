package dev.keyline.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code bin/keyline run}.
 *
 * @param scenario the JSON Lines scenario to play; empty means the repository's
 *     {@code deploy/scenarios/factory-line.jsonl}
 * @param exitAfterSummary stop the stack and exit after printing the summary instead of running until Ctrl-C
 * @param summaryJson where to write the summary as JSON, if anywhere
 * @param workDirectory where Kafka, PostgreSQL, the logs and the fingerprint secret live
 * @param fresh delete the work directory before starting
 * @param help print the usage and exit
 */
public record LauncherOptions(
        Optional<Path> scenario,
        boolean exitAfterSummary,
        Optional<Path> summaryJson,
        Path workDirectory,
        boolean fresh,
        boolean help) {

    public static final Path DEFAULT_WORK_DIRECTORY = Path.of(".keyline");

    public static final String USAGE =
            """
            Usage: bin/keyline run [OPTIONS]

            Starts Kafka, PostgreSQL and the station, ledger and alert services on 127.0.0.1,
            plays a factory-line scenario of station reports, and prints a summary read back
            from the services' HTTP APIs.

            Options:
              --scenario FILE        JSON Lines scenario to play (path to a file).
                                     Default: deploy/scenarios/factory-line.jsonl in the repository.
              --exit-after-summary   Stop the services, Kafka and PostgreSQL after the summary and
                                     exit 0. Default: keep the stack running until Ctrl-C.
              --summary-json FILE    Also write the summary as JSON to FILE (path to a file).
                                     Default: no JSON file.
              --work-dir DIR         Directory for Kafka and PostgreSQL data, service logs and the
                                     fingerprint secret (path to a directory). Default: .keyline
                                     under the current directory.
              --fresh                Delete the work directory first, so the run starts from empty
                                     topics and databases. Default: keep it and add to its data.
              -h, --help             Print this help and exit.

            Environment variables (ports are TCP ports on 127.0.0.1):
              KAFKA_BOOTSTRAP_SERVERS          Use this Kafka instead of starting one. Default: unset.
              KEYLINE_KAFKA_PORT               Port of the started Kafka. Default: 19092.
              KEYLINE_KAFKA_CONTROLLER_PORT    KRaft controller port of the started Kafka. Default: 19093.
              KEYLINE_PG_HOST                  Use the PostgreSQL on this host instead of starting one.
                                               Default: unset.
              KEYLINE_PG_PORT                  PostgreSQL port. Default: 15432 for the started server,
                                               5432 with KEYLINE_PG_HOST.
              KEYLINE_PG_USER                  PostgreSQL user with KEYLINE_PG_HOST. Default: postgres.
              KEYLINE_PG_PASSWORD              Its password. Default: postgres.
              KEYLINE_STATION_PORT             HTTP port of the station-service. Default: 8081.
              KEYLINE_LEDGER_PORT              HTTP port of the ledger-service. Default: 8082.
              KEYLINE_ALERT_PORT               HTTP port of the alert-service. Default: 8083.
            """;

    /** Parses the arguments after the program name; the first one must be the command {@code run}. */
    public static LauncherOptions parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new UsageException("missing command: write 'bin/keyline run [OPTIONS]' or 'bin/keyline --help'");
        }
        String command = arguments.get(0);
        if (isHelp(command)) {
            return defaults().withHelp();
        }
        if (!command.equals("run")) {
            throw new UsageException("unknown command '" + command + "': the only command is 'run'");
        }
        return parseRunOptions(arguments.subList(1, arguments.size()));
    }

    private static LauncherOptions parseRunOptions(List<String> arguments) {
        Optional<Path> scenario = Optional.empty();
        Optional<Path> summaryJson = Optional.empty();
        Path workDirectory = DEFAULT_WORK_DIRECTORY;
        boolean exitAfterSummary = false;
        boolean fresh = false;
        boolean help = false;

        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--scenario" -> scenario = Optional.of(pathValue(arguments, ++i, argument));
                case "--summary-json" -> summaryJson = Optional.of(pathValue(arguments, ++i, argument));
                case "--work-dir" -> workDirectory = pathValue(arguments, ++i, argument);
                case "--exit-after-summary" -> exitAfterSummary = true;
                case "--fresh" -> fresh = true;
                case "-h", "--help" -> help = true;
                default -> throw new UsageException(
                        "unknown option '" + argument + "': run 'bin/keyline --help' for the options");
            }
        }
        return new LauncherOptions(scenario, exitAfterSummary, summaryJson, workDirectory, fresh, help);
    }

    private static Path pathValue(List<String> arguments, int index, String option) {
        if (index >= arguments.size() || arguments.get(index).startsWith("--")) {
            throw new UsageException("option " + option + " needs a path: write '" + option + " PATH'");
        }
        String value = arguments.get(index);
        if (value.isBlank()) {
            throw new UsageException("option " + option + " has an empty path: write '" + option + " PATH'");
        }
        return Path.of(value);
    }

    private static boolean isHelp(String argument) {
        return argument.equals("-h") || argument.equals("--help");
    }

    private static LauncherOptions defaults() {
        return new LauncherOptions(Optional.empty(), false, Optional.empty(), DEFAULT_WORK_DIRECTORY, false, false);
    }

    private LauncherOptions withHelp() {
        return new LauncherOptions(scenario, exitAfterSummary, summaryJson, workDirectory, fresh, true);
    }
}
