package dev.keyline.launcher;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A parsed scenario file: key registrations, station reports and station artifacts, in file order. */
public record Scenario(List<ScenarioStep> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** Returns every {@code lineId/stationId} that sends a report or an artifact, so each can get a token. */
    public SortedSet<String> stationPrincipals() {
        TreeSet<String> principals = new TreeSet<>();
        for (ScenarioStep step : steps) {
            if (step instanceof ScenarioStep.StationReport report) {
                principals.add(report.principal());
            } else if (step instanceof ScenarioStep.StationArtifact artifact) {
                principals.add(artifact.principal());
            }
        }
        return principals;
    }

    public long reportCount() {
        return steps.stream()
                .filter(ScenarioStep.StationReport.class::isInstance)
                .count();
    }

    public long artifactCount() {
        return steps.stream()
                .filter(ScenarioStep.StationArtifact.class::isInstance)
                .count();
    }

    public List<ScenarioStep.RegisterKey> keyRegistrations() {
        return steps.stream()
                .filter(ScenarioStep.RegisterKey.class::isInstance)
                .map(ScenarioStep.RegisterKey.class::cast)
                .toList();
    }
}
