package dev.keyline.alert.domain;

import java.util.Map;

/** A rule's conclusion about one event: its condition is true, has cleared, or is not affected. */
public sealed interface Evaluation {

    /** The condition is true: raise the alert, or count one more occurrence of it. */
    record Fire(AlertIdentity identity, Severity severity, String summary, String action) implements Evaluation {}

    /** The condition has cleared: resolve the alert if it is active. {@code summary} explains why it cleared. */
    record Resolve(AlertIdentity identity, String summary) implements Evaluation {}

    /**
     * The condition has cleared for every active alert of {@code rule} whose labels contain all of {@code labels}, and
     * whose labels named in {@code labelsIfPresent} are absent or equal. Used where the clearing event does not carry
     * every label of the alert it clears.
     */
    record ResolveMatching(
            AlertRule rule, Map<String, String> labels, Map<String, String> labelsIfPresent, String summary)
            implements Evaluation {

        public ResolveMatching {
            labels = Map.copyOf(labels);
            labelsIfPresent = Map.copyOf(labelsIfPresent);
        }

        /** Returns whether an alert of this rule with these labels is one this evaluation clears. */
        public boolean matches(AlertIdentity identity) {
            if (identity.rule() != rule) {
                return false;
            }
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!label.getValue().equals(identity.labels().get(label.getKey()))) {
                    return false;
                }
            }
            for (Map.Entry<String, String> label : labelsIfPresent.entrySet()) {
                String value = identity.labels().get(label.getKey());
                if (value != null && !value.equals(label.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The event neither confirms nor clears a condition, so every alert stays as it is. */
    record NoChange() implements Evaluation {}

    static Evaluation noChange() {
        return new NoChange();
    }
}
