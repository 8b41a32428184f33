package dev.keyline.alert.domain;

/** A rule's conclusion about one event: its condition is true, has cleared, or is not affected. */
public sealed interface Evaluation {

    /** The condition is true: raise the alert, or count one more occurrence of it. */
    record Fire(AlertIdentity identity, Severity severity, String summary, String action) implements Evaluation {}

    /** The condition has cleared: resolve the alert if it is firing. {@code summary} explains why it cleared. */
    record Resolve(AlertIdentity identity, String summary) implements Evaluation {}

    /** The event neither confirms nor clears a condition, so every alert stays as it is. */
    record NoChange() implements Evaluation {}

    static Evaluation noChange() {
        return new NoChange();
    }
}
