package dev.keyline.alert.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code activation-failure-spike}: activation attempts of a station, or of a whole line, fail far more often in the
 * recent window (default 1 hour) than in the baseline period before it (default 24 hours).
 *
 * <p>It fires (high) when the window has at least {@code minFailures} failures (default 10), its failure rate is at
 * least {@code minRate} (default 0.2), and that rate is at least {@code factor} (default 3) times the baseline rate; a
 * baseline without attempts counts as rate 0. A line fires only when failures come from at least two stations,
 * because one station's spike fires for that station. It resolves once the window has fewer than half of
 * {@code minFailures} failures or a rate below half of {@code minRate}, so a rate near the trigger does not flap.
 */
public final class ActivationFailureSpikeRule {

    private final Duration window;
    private final Duration baseline;
    private final long minFailures;
    private final double minRate;
    private final double factor;

    public ActivationFailureSpikeRule(
            Duration window, Duration baseline, long minFailures, double minRate, double factor) {
        this.window = window;
        this.baseline = baseline;
        this.minFailures = minFailures;
        this.minRate = minRate;
        this.factor = factor;
    }

    public Duration window() {
        return window;
    }

    public Duration baseline() {
        return baseline;
    }

    public Evaluation evaluateLine(String lineId, FailureCounts counts) {
        AlertIdentity identity = AlertIdentity.of(AlertRule.ACTIVATION_FAILURE_SPIKE, Map.of("lineId", lineId));
        boolean severalStations = counts.failingStations() >= 2;
        return evaluate(identity, "line " + lineId, severalStations, counts);
    }

    public Evaluation evaluateStation(String lineId, String stationId, FailureCounts counts) {
        AlertIdentity identity =
                AlertIdentity.of(AlertRule.ACTIVATION_FAILURE_SPIKE, Map.of("lineId", lineId, "stationId", stationId));
        return evaluate(identity, "station " + stationId + " on line " + lineId, true, counts);
    }

    private Evaluation evaluate(AlertIdentity identity, String scope, boolean scopeApplies, FailureCounts counts) {
        double rate = counts.windowRate();
        boolean spike = scopeApplies
                && counts.windowFailures() >= minFailures
                && rate >= minRate
                && rate >= factor * counts.baselineRate();
        if (spike) {
            String summary = String.format(
                    Locale.ROOT,
                    "%s: %d of %d activation attempts failed in the last %s (%.0f%%), against %.0f%% of %d in the %s"
                            + " before; most failed with %s",
                    scope,
                    counts.windowFailures(),
                    counts.windowAttempts(),
                    DurationText.of(window),
                    rate * 100,
                    counts.baselineRate() * 100,
                    counts.baselineAttempts(),
                    DurationText.of(baseline),
                    ActivationResults.describe(counts.topResult()));
            return new Evaluation.Fire(identity, Severity.HIGH, summary, ActivationResults.advice(counts.topResult()));
        }

        boolean calm = counts.windowFailures() < minFailures / 2.0 || rate < minRate / 2;
        if (calm) {
            return new Evaluation.Resolve(
                    identity,
                    String.format(
                            Locale.ROOT,
                            "%s: %d of %d activation attempts failed in the last %s (%.0f%%)",
                            scope,
                            counts.windowFailures(),
                            counts.windowAttempts(),
                            DurationText.of(window),
                            rate * 100));
        }
        return Evaluation.noChange();
    }
}
