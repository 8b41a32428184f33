package dev.keyline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import org.jboss.logging.Logger;

/** Sends a scenario's steps to the services in file order and counts what they accepted. */
public final class ScenarioPlayer {

    private static final Logger LOG = Logger.getLogger(ScenarioPlayer.class);
    /** Station requests (reports and artifacts) between two progress lines. */
    static final int PROGRESS_INTERVAL = 50;

    private final KeylineApi api;
    private final PrintStream console;
    private final CatchUp catchUp;

    /** Waits, at a {@code catch-up} step, until the services have processed what the steps so far produced. */
    @FunctionalInterface
    public interface CatchUp {

        /**
         * Returns once the ledger and the alert-service have processed every line event of the steps played so far.
         *
         * @param playedSoFar the counts of the steps before the {@code catch-up} step
         */
        void await(PlayResult playedSoFar) throws InterruptedException;
    }

    public ScenarioPlayer(KeylineApi api, PrintStream console, CatchUp catchUp) {
        this.api = api;
        this.console = console;
        this.catchUp = catchUp;
    }

    /**
     * Plays every step. A key that is already registered is not an error. A rejected report or artifact is logged
     * and counted, and playing goes on with the next step.
     *
     * @throws ServiceCallException when a key registration fails, because later reports would be booked against a
     *     missing key
     * @throws InterruptedException when interrupted while waiting at a {@code catch-up} step
     */
    public PlayResult play(Scenario scenario) throws InterruptedException {
        Counters counters = new Counters();
        for (ScenarioStep step : scenario.steps()) {
            if (step instanceof ScenarioStep.RegisterKey key) {
                registerKey(key, counters);
            } else if (step instanceof ScenarioStep.StationReport report) {
                postReport(report, counters);
            } else if (step instanceof ScenarioStep.StationArtifact artifact) {
                postArtifact(artifact, counters);
            } else if (step instanceof ScenarioStep.CatchUp pause) {
                catchUp(pause, counters);
            }
        }
        if (counters.stationRequests() % PROGRESS_INTERVAL != 0) {
            printProgress(counters);
        }
        return counters.result();
    }

    private void registerKey(ScenarioStep.RegisterKey key, Counters counters) {
        LOG.debugf("registering key %s (scenario line %d)", key.keyId(), key.lineNumber());
        HttpJson.Response response = api.registerKey(key);

        switch (response.status()) {
            case 201 -> {
                counters.keysRegistered++;
                console.printf("key %s registered, allotment %d%n", key.keyId(), key.allotment());
            }
            case 409 -> {
                counters.keysAlreadyRegistered++;
                console.printf("key %s was already registered (%s)%n", key.keyId(), response.problemDetail());
            }
            default -> throw new ServiceCallException("registering key " + key.keyId() + " (scenario line "
                    + key.lineNumber() + ") failed with HTTP " + response.status() + ": " + response.problemDetail());
        }
    }

    private void catchUp(ScenarioStep.CatchUp pause, Counters counters) throws InterruptedException {
        printProgress(counters);
        console.printf(
                "scenario line %d: waiting until the ledger and alert services have processed these events%n",
                pause.lineNumber());
        catchUp.await(counters.result());
        console.println("caught up; playing on");
    }

    private void postReport(ScenarioStep.StationReport report, Counters counters) {
        HttpJson.Response response = api.postReport(report);
        counters.reportsSent++;

        if (response.status() == 202) {
            counters.reportsAccepted++;
            counters.acceptedEvents += 1 + exposureCount(response.body());
        } else {
            counters.reportsRejected++;
            LOG.warnf(
                    "station-service rejected the %s report of scenario line %d from %s with HTTP %d: %s",
                    report.kind().wireName(),
                    report.lineNumber(),
                    report.principal(),
                    response.status(),
                    response.problemDetail());
        }

        printProgressAtInterval(counters);
    }

    private void postArtifact(ScenarioStep.StationArtifact artifact, Counters counters) {
        HttpJson.Response response = api.postArtifact(artifact);
        counters.artifactsSent++;

        if (response.status() == 202) {
            counters.artifactsAccepted++;
            counters.acceptedEvents += ArtifactEvents.count(response.body());
        } else {
            counters.artifactsRejected++;
            LOG.warnf(
                    "station-service rejected the %s for %s on scenario line %d from %s with HTTP %d: %s",
                    artifact.kind().wireName(),
                    artifact.serial() == null ? "no device" : "device " + artifact.serial(),
                    artifact.lineNumber(),
                    artifact.principal(),
                    response.status(),
                    response.problemDetail());
        }

        printProgressAtInterval(counters);
    }

    private void printProgressAtInterval(Counters counters) {
        if (counters.stationRequests() % PROGRESS_INTERVAL == 0) {
            printProgress(counters);
        }
    }

    private static int exposureCount(JsonNode accepted) {
        JsonNode exposures = accepted.path("exposures");
        return exposures.isArray() ? exposures.size() : 0;
    }

    private void printProgress(Counters counters) {
        console.printf(
                "reports: %d sent, %d accepted, %d rejected; artifacts: %d sent, %d accepted, %d rejected%n",
                counters.reportsSent,
                counters.reportsAccepted,
                counters.reportsRejected,
                counters.artifactsSent,
                counters.artifactsAccepted,
                counters.artifactsRejected);
    }

    private static final class Counters {
        int keysRegistered;
        int keysAlreadyRegistered;
        int reportsSent;
        int reportsAccepted;
        int reportsRejected;
        int artifactsSent;
        int artifactsAccepted;
        int artifactsRejected;
        long acceptedEvents;

        int stationRequests() {
            return reportsSent + artifactsSent;
        }

        PlayResult result() {
            return new PlayResult(
                    keysRegistered,
                    keysAlreadyRegistered,
                    reportsSent,
                    reportsAccepted,
                    reportsRejected,
                    artifactsSent,
                    artifactsAccepted,
                    artifactsRejected,
                    acceptedEvents);
        }
    }
}
