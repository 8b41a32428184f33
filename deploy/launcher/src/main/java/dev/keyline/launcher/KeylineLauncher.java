package dev.keyline.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bin/keyline run}: starts the local stack, plays a scenario, waits until the services have processed it and
 * prints the summary. Exit codes: 0 on success, 1 when the stack or the scenario failed, 2 for an invalid command line.
 */
public final class KeylineLauncher {

    public static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CATCH_UP_POLL_INTERVAL = Duration.ofMillis(500);
    /** The consumer groups of {@code keyline.line-events}, as the services' application.properties name them. */
    private static final String LEDGER_GROUP = "keyline-ledger-service";

    private static final String ALERT_GROUP = "keyline-alert-service";
    private static final String DEFAULT_SCENARIO = "deploy/scenarios/factory-line.jsonl";

    private final PrintStream out;
    private final PrintStream err;
    private final AtomicReference<LocalStack> running = new AtomicReference<>();

    KeylineLauncher(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws InterruptedException {
        KeylineLauncher launcher = new KeylineLauncher(System.out, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopStack, "keyline-shutdown"));
        System.exit(launcher.run(List.of(args), System.getenv(), Path.of("").toAbsolutePath()));
    }

    /** Runs the command; without {@code --exit-after-summary} it returns only when interrupted. */
    int run(List<String> arguments, Map<String, String> environment, Path currentDirectory)
            throws InterruptedException {
        LauncherOptions options;
        StackSettings settings;
        try {
            options = LauncherOptions.parse(arguments);
            settings = StackSettings.fromEnvironment(environment);
        } catch (UsageException e) {
            err.println("keyline: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(LauncherOptions.USAGE);
            return 0;
        }

        try {
            Summary summary = startAndPlay(options, settings, currentDirectory);
            out.println();
            out.print(SummaryFormatter.text(summary));
            if (options.summaryJson().isPresent()) {
                Path file = currentDirectory.resolve(options.summaryJson().get());
                SummaryFormatter.writeJson(summary, file);
                out.println("Summary written to " + file);
            }
        } catch (UsageException e) {
            err.println("keyline: " + e.getMessage());
            stopStack();
            return 2;
        } catch (IOException
                | SQLException
                | ScenarioException
                | ServiceStartException
                | ServiceCallException
                | CatchUpTimeoutException
                | IllegalStateException e) {
            err.println("keyline: " + e.getMessage());
            stopStack();
            return 1;
        }

        if (options.exitAfterSummary()) {
            stopStack();
            return 0;
        }
        out.println("\nThe stack keeps running; press Ctrl-C to stop it.");
        new CountDownLatch(1).await();
        return 0;
    }

    private Summary startAndPlay(LauncherOptions options, StackSettings settings, Path currentDirectory)
            throws IOException, InterruptedException, SQLException {
        Path repositoryRoot = RepositoryRoot.find(currentDirectory);
        Path scenarioFile =
                options.scenario().map(currentDirectory::resolve).orElse(repositoryRoot.resolve(DEFAULT_SCENARIO));
        Scenario scenario = ScenarioReader.read(scenarioFile);
        LocalStack.checkServicesBuilt(repositoryRoot);

        Path workDirectory = currentDirectory.resolve(options.workDirectory()).normalize();
        PortCheck.requireFree(PortCheck.portsToBind(settings));
        if (options.fresh()) {
            out.println("Deleting " + workDirectory + " (--fresh)");
            WorkDirectory.delete(workDirectory, repositoryRoot);
        }
        LocalStack.Config config =
                new LocalStack.Config(repositoryRoot, workDirectory, settings, scenario.stationPrincipals());
        if (settings.externalPostgresHost().isEmpty()) {
            Files.createDirectories(config.workDirectory().resolve("logs"));
            LauncherLogging.sendPostgresOutputTo(config.workDirectory().resolve("logs"));
        }

        out.println("Starting Kafka, PostgreSQL and the services in " + workDirectory);
        // NOTE: the shutdown hook can stop the stack only once start returns. Ctrl-C in a terminal also signals the
        // child processes, which then stop by themselves, but a SIGTERM to this JVM alone during startup leaves them.
        LocalStack stack = LocalStack.start(config);
        running.set(stack);
        out.println("The services are ready; playing " + scenarioFile);

        KeylineApi api = stack.api();
        StationOutbox outbox = stack.stationOutbox();
        try (LineEventProgress progress = new LineEventProgress(outbox, stack.kafkaBootstrapServers())) {
            CatchUpWaiter waiter = new CatchUpWaiter(
                    api::ledgerStatus,
                    api::alertStatus,
                    () -> progress.consumedAll(LEDGER_GROUP),
                    () -> progress.consumedAll(ALERT_GROUP),
                    CATCH_UP_POLL_INTERVAL);
            return playAndWait(scenario, stack, api, outbox, waiter);
        }
    }

    /** Plays the scenario, waits until the services have processed its events, and reads the summary. */
    private Summary playAndWait(
            Scenario scenario, LocalStack stack, KeylineApi api, StationOutbox outbox, CatchUpWaiter waiter)
            throws IOException, InterruptedException, SQLException {
        CatchUpWaiter.Baseline baseline = waiter.readBaseline();
        long outboxBefore = outbox.lineEventCount();
        ScenarioPlayer.CatchUp catchUp = playedSoFar ->
                waiter.await(baseline, lineEventsWritten(playedSoFar, outbox, outboxBefore), CATCH_UP_TIMEOUT);
        PlayResult result = new ScenarioPlayer(api, out, catchUp).play(scenario);
        printResult(result);

        long lineEvents = lineEventsToProcess(result, outbox.lineEventCount() - outboxBefore);
        out.println("Waiting up to " + CATCH_UP_TIMEOUT.toSeconds() + " s for the ledger and alert services to"
                + " process " + lineEvents + " line events");
        waiter.await(baseline, lineEvents, CATCH_UP_TIMEOUT);
        return SummaryReader.read(api, StackInfo.of(stack));
    }

    /** Returns the line events of the steps played so far, for a {@code catch-up} step, as the final wait counts. */
    private static long lineEventsWritten(PlayResult playedSoFar, StationOutbox outbox, long outboxBefore) {
        try {
            return Math.max(playedSoFar.acceptedEvents(), outbox.lineEventCount() - outboxBefore);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "failed to count the station-service's outbox rows for a catch-up step: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the number of line events the services must process: the events the station wrote to its outbox during
     * the run. If that is lower, it returns one per accepted report plus one per exposure, plus the events that the
     * accepted artifacts named.
     */
    private long lineEventsToProcess(PlayResult result, long writtenToOutbox) {
        if (writtenToOutbox > result.acceptedEvents()) {
            out.printf(
                    "The station-service wrote %d line events, %d from the accepted reports, exposures and artifacts"
                            + " and %d it derived from them (such as the key-cleared step of a provisioning that"
                            + " reports the key cleared); waiting for all of them%n",
                    writtenToOutbox, result.acceptedEvents(), writtenToOutbox - result.acceptedEvents());
        }
        return Math.max(result.acceptedEvents(), writtenToOutbox);
    }

    private void printResult(PlayResult result) {
        out.printf(
                "Played the scenario: keys registered %d, already registered %d; reports sent %d, accepted %d,"
                        + " rejected %d; artifacts sent %d, accepted %d, rejected %d; line events from accepted"
                        + " reports, artifacts and exposures %d%n",
                result.keysRegistered(),
                result.keysAlreadyRegistered(),
                result.reportsSent(),
                result.reportsAccepted(),
                result.reportsRejected(),
                result.artifactsSent(),
                result.artifactsAccepted(),
                result.artifactsRejected(),
                result.acceptedEvents());
        if (result.reportsRejected() > 0 || result.artifactsRejected() > 0) {
            out.println("Some reports or artifacts were rejected; the warnings above give each one's reason.");
        }
    }

    private void stopStack() {
        LocalStack stack = running.getAndSet(null);
        if (stack != null) {
            out.println("Stopping the services, Kafka and PostgreSQL");
            stack.close();
        }
    }
}
