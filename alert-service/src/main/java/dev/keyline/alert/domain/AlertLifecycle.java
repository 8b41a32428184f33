package dev.keyline.alert.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Applies a rule's evaluation to the stored alert of the same identity. A pure function: the caller loads the
 * current alert and stores the result.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {}

    /**
     * Returns the change that {@code evaluation}, observed at {@code eventTime}, makes to {@code current}, or empty when
     * it changes nothing (no change, or a resolve for an alert that is absent or already resolved).
     */
    public static Optional<AlertTransition> apply(
            Optional<AlertState> current, Evaluation evaluation, Instant eventTime) {
        if (evaluation instanceof Evaluation.Fire fire) {
            return Optional.of(fire(current, fire, eventTime));
        }
        if (evaluation instanceof Evaluation.Resolve resolve) {
            return current.filter(AlertState::firing).map(alert -> resolve(alert, resolve, eventTime));
        }
        return Optional.empty();
    }

    private static AlertTransition fire(Optional<AlertState> current, Evaluation.Fire fire, Instant eventTime) {
        if (current.isEmpty()) {
            AlertState raised = new AlertState(
                    fire.identity(),
                    fire.severity(),
                    AlertStatus.FIRING,
                    fire.summary(),
                    fire.action(),
                    eventTime,
                    eventTime,
                    null,
                    1);
            return new AlertTransition(AlertTransition.Kind.RAISED, raised);
        }

        AlertState alert = current.get();
        AlertTransition.Kind kind = alert.firing() ? AlertTransition.Kind.REPEATED : AlertTransition.Kind.REFIRED;
        AlertState updated = new AlertState(
                alert.identity(),
                fire.severity(),
                AlertStatus.FIRING,
                fire.summary(),
                fire.action(),
                alert.firstSeen(),
                latest(alert.lastSeen(), eventTime),
                null,
                alert.occurrences() + 1);
        return new AlertTransition(kind, updated);
    }

    private static AlertTransition resolve(AlertState alert, Evaluation.Resolve resolve, Instant eventTime) {
        AlertState resolved = new AlertState(
                alert.identity(),
                alert.severity(),
                AlertStatus.RESOLVED,
                resolve.summary(),
                alert.action(),
                alert.firstSeen(),
                alert.lastSeen(),
                eventTime,
                alert.occurrences());
        return new AlertTransition(AlertTransition.Kind.RESOLVED, resolved);
    }

    // Events of one key arrive in partition order, but a late station can report an earlier time, so lastSeen takes
    // the later of the two and never moves back.
    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
