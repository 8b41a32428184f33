package dev.keyline.alert.domain;

import java.util.Map;

/**
 * {@code consumption-above-production}: more devices activated with a key on a line than the line provisioned with
 * it, by more than the tolerance (default 10 devices). Critical, because activations that no line production
 * accounts for drain the key. The alert lists the unmatched serials, up to {@code maxListedSerials} (default 10), and
 * resolves when the excess is back within the tolerance, such as after late provisioning reports.
 */
public final class ConsumptionAboveProductionRule {

    private final long tolerance;
    private final int maxListedSerials;

    public ConsumptionAboveProductionRule(long tolerance, int maxListedSerials) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("consumption-above-production tolerance must be 0 or more, but is "
                    + tolerance + "; set a value >= 0");
        }
        this.tolerance = tolerance;
        this.maxListedSerials = maxListedSerials;
    }

    /** Returns how many unmatched serials the alert lists at most, so the caller loads no more. */
    public int maxListedSerials() {
        return maxListedSerials;
    }

    public Evaluation evaluate(LineKeyCounts counts) {
        Map<String, String> labels = KeyNames.labels(counts.keyId(), counts.partialKey());
        labels.put("lineId", counts.lineId());
        AlertIdentity identity = AlertIdentity.of(AlertRule.CONSUMPTION_ABOVE_PRODUCTION, labels);
        long excess = counts.activated() - counts.provisioned();
        String name = KeyNames.name(counts.keyId(), counts.partialKey());

        if (excess > tolerance) {
            String summary = String.format(
                    "line %s has %d devices activated with %s against %d provisioned with it: %d more than"
                            + " provisioned, above the tolerance of %d; %d activated devices were never provisioned"
                            + " with the key on this line%s",
                    counts.lineId(),
                    counts.activated(),
                    name,
                    counts.provisioned(),
                    excess,
                    tolerance,
                    counts.unmatched(),
                    serialList(counts));
            String action = String.format(
                    "find where the unmatched devices came from: check whether a station on line %s stopped reporting"
                            + " provisioning, and whether %s is used outside the line; if it leaked, move the line to"
                            + " another key and ask Microsoft to block it",
                    counts.lineId(), counts.keyId());
            return new Evaluation.Fire(identity, Severity.CRITICAL, summary, action);
        }
        return new Evaluation.Resolve(
                identity,
                String.format(
                        "line %s has %d devices activated with %s against %d provisioned with it, within the"
                                + " tolerance of %d",
                        counts.lineId(), counts.activated(), name, counts.provisioned(), tolerance));
    }

    private String serialList(LineKeyCounts counts) {
        if (counts.unmatchedSerials().isEmpty() || maxListedSerials == 0) {
            return "";
        }
        String listed = String.join(
                ", ",
                counts.unmatchedSerials()
                        .subList(
                                0,
                                Math.min(
                                        maxListedSerials,
                                        counts.unmatchedSerials().size())));
        long more = counts.unmatched()
                - Math.min(maxListedSerials, counts.unmatchedSerials().size());
        return ": " + listed + (more > 0 ? " and " + more + " more" : "");
    }
}
