package dev.keyline.alert.domain;

/**
 * Activation attempts of a line or station: in the recent window, and in the baseline period just before it.
 *
 * @param failingStations distinct stations with a failure in the window
 * @param topResult the most frequent failure result in the window, or null when nothing failed
 */
public record FailureCounts(
        long windowAttempts,
        long windowFailures,
        long baselineAttempts,
        long baselineFailures,
        long failingStations,
        String topResult) {

    double windowRate() {
        return windowAttempts == 0 ? 0.0 : (double) windowFailures / windowAttempts;
    }

    double baselineRate() {
        return baselineAttempts == 0 ? 0.0 : (double) baselineFailures / baselineAttempts;
    }
}
