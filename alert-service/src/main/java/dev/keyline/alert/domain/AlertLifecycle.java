package dev.keyline.alert.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Applies rule evaluations and operator actions to the stored alert of the same identity. Pure functions: the caller
 * loads the current alert and stores the result.
 *
 * <p>Statuses move as follows. A condition that fires raises a new alert, counts one more occurrence of an active one
 * (firing or acknowledged, which it stays), or fires a resolved one again as {@code firing}. A condition that clears
 * resolves an active alert. An operator acknowledges a firing alert and resolves an active one.
 */
public final class AlertLifecycle {

    private AlertLifecycle() {}

    /**
     * Returns the change that {@code evaluation}, observed at {@code eventTime}, makes to {@code current}, or empty
     * when it changes nothing (no change, or a resolve for an alert that is absent or already resolved). A {@link
     * Evaluation.ResolveMatching} is applied like a {@link Evaluation.Resolve} of the alert it matched.
     */
    public static Optional<AlertTransition> apply(
            Optional<AlertState> current, Evaluation evaluation, Instant eventTime) {
        if (evaluation instanceof Evaluation.Fire fire) {
            return Optional.of(fire(current, fire, eventTime));
        }
        if (evaluation instanceof Evaluation.Resolve resolve) {
            return current.filter(AlertState::active).map(alert -> clear(alert, resolve.summary(), eventTime));
        }
        if (evaluation instanceof Evaluation.ResolveMatching resolve) {
            return current.filter(AlertState::active)
                    .filter(alert -> resolve.matches(alert.identity()))
                    .map(alert -> clear(alert, resolve.summary(), eventTime));
        }
        return Optional.empty();
    }

    /** Acknowledges a firing alert for {@code operator}; an acknowledged or resolved alert rejects it. */
    public static OperatorOutcome acknowledge(AlertState alert, String operator, String comment, Instant now) {
        if (alert.status() == AlertStatus.ACKNOWLEDGED) {
            Acknowledgement earlier = alert.acknowledgement();
            return new OperatorOutcome.Rejected("the alert was already acknowledged by " + earlier.by() + " at "
                    + earlier.at() + "; nothing changed");
        }
        if (alert.status() == AlertStatus.RESOLVED) {
            return new OperatorOutcome.Rejected(
                    "the alert is resolved, so there is nothing to acknowledge; it fires again by itself if its"
                            + " condition returns");
        }

        AlertState acknowledged = new AlertState(
                alert.identity(),
                alert.severity(),
                AlertStatus.ACKNOWLEDGED,
                alert.summary(),
                alert.action(),
                alert.firstSeen(),
                alert.lastSeen(),
                alert.firingSince(),
                null,
                alert.occurrences(),
                new Acknowledgement(operator, now, comment),
                null);
        return new OperatorOutcome.Applied(new AlertTransition(AlertTransition.Kind.ACKNOWLEDGED, acknowledged));
    }

    /**
     * Resolves an active alert for {@code operator}. If its condition is still true, the next event that confirms it
     * fires the alert again.
     */
    public static OperatorOutcome resolve(AlertState alert, String operator, Instant now) {
        if (!alert.active()) {
            String by = alert.resolvedBy() == null ? "because its condition cleared" : "by " + alert.resolvedBy();
            return new OperatorOutcome.Rejected(
                    "the alert was already resolved " + by + " at " + alert.resolvedAt() + "; nothing changed");
        }

        AlertState resolved = new AlertState(
                alert.identity(),
                alert.severity(),
                AlertStatus.RESOLVED,
                alert.summary(),
                alert.action(),
                alert.firstSeen(),
                alert.lastSeen(),
                alert.firingSince(),
                now,
                alert.occurrences(),
                alert.acknowledgement(),
                operator);
        return new OperatorOutcome.Applied(new AlertTransition(AlertTransition.Kind.RESOLVED, resolved));
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
                    eventTime,
                    null,
                    1,
                    null,
                    null);
            return new AlertTransition(AlertTransition.Kind.RAISED, raised);
        }

        AlertState alert = current.get();
        if (alert.active()) {
            AlertState repeated = new AlertState(
                    alert.identity(),
                    fire.severity(),
                    alert.status(),
                    fire.summary(),
                    fire.action(),
                    alert.firstSeen(),
                    latest(alert.lastSeen(), eventTime),
                    alert.firingSince(),
                    null,
                    alert.occurrences() + 1,
                    alert.acknowledgement(),
                    null);
            return new AlertTransition(AlertTransition.Kind.REPEATED, repeated);
        }

        AlertState refired = new AlertState(
                alert.identity(),
                fire.severity(),
                AlertStatus.FIRING,
                fire.summary(),
                fire.action(),
                alert.firstSeen(),
                latest(alert.lastSeen(), eventTime),
                eventTime,
                null,
                alert.occurrences() + 1,
                null,
                null);
        return new AlertTransition(AlertTransition.Kind.REFIRED, refired);
    }

    private static AlertTransition clear(AlertState alert, String summary, Instant eventTime) {
        AlertState resolved = new AlertState(
                alert.identity(),
                alert.severity(),
                AlertStatus.RESOLVED,
                summary,
                alert.action(),
                alert.firstSeen(),
                alert.lastSeen(),
                alert.firingSince(),
                eventTime,
                alert.occurrences(),
                alert.acknowledgement(),
                null);
        return new AlertTransition(AlertTransition.Kind.RESOLVED, resolved);
    }

    // Events of one key arrive in partition order, but a late station can report an earlier time, so lastSeen takes
    // the later of the two and never moves back.
    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
