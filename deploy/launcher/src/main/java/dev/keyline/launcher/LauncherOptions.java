package dev.keyline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static final String USAGE_RESOURCE = "/keyline-usage.txt";

    /**
     * The help text. It lives in {@code keyline-usage.txt} so that {@code bin/keyline --help} can print it before the
     * launcher is built.
     */
    public static final String USAGE = readUsage();

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

    private static String readUsage() {
        try (InputStream in = LauncherOptions.class.getResourceAsStream(USAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("launcher resource missing from the classpath: " + USAGE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + USAGE_RESOURCE, e);
        }
    }

    private static LauncherOptions defaults() {
        return new LauncherOptions(Optional.empty(), false, Optional.empty(), DEFAULT_WORK_DIRECTORY, false, false);
    }

    private LauncherOptions withHelp() {
        return new LauncherOptions(scenario, exitAfterSummary, summaryJson, workDirectory, fresh, true);
    }
}
