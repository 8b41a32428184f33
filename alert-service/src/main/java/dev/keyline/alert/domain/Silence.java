package dev.keyline.alert.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An operator's silence: while it is active, alerts that every matcher matches are stored but not delivered to
 * Alertmanager or the webhook.
 */
public record Silence(
        UUID id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    public SilenceState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    }

    /** Returns whether this silence is active at {@code now} and matches the alert. */
    public boolean silences(AlertIdentity identity, Severity severity, Instant now) {
        if (state(now) != SilenceState.ACTIVE) {
            return false;
        }
        Map<String, String> labels = matchableLabels(identity, severity);
        return matchers.stream().allMatch(matcher -> matcher.matches(labels));
    }

    /**
     * Returns the alert's labels plus {@code alertname} (the rule) and {@code severity}, as Alertmanager receives them.
     */
    public static Map<String, String> matchableLabels(AlertIdentity identity, Severity severity) {
        Map<String, String> labels = new HashMap<>(identity.labels());
        labels.put("alertname", identity.rule().wireName());
        labels.put("severity", severity.wireName());
        return labels;
    }
}
