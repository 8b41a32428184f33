package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertLifecycle;
import dev.keyline.alert.domain.AlertState;
import dev.keyline.alert.domain.OperatorOutcome;
import dev.keyline.alert.repository.AlertRepository;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/** Operators' acknowledge and resolve: each stores the change, its history row and event, then delivers it. */
@ApplicationScoped
public class AlertActions {

    private static final Logger LOG = Logger.getLogger(AlertActions.class);

    /** Attempts after a conflict with a concurrent change of the alert, which events cause only rarely. */
    static final int STALE_RETRIES = 3;

    private final AlertRepository alerts;
    private final AlertApplier applier;
    private final AlertDispatcher dispatcher;

    public AlertActions(AlertRepository alerts, AlertApplier applier, AlertDispatcher dispatcher) {
        this.alerts = alerts;
        this.applier = applier;
        this.dispatcher = dispatcher;
    }

    public Uni<AlertNotification> acknowledge(UUID alertId, String operator, String comment) {
        LOG.debugf("operator %s acknowledges alert %s", operator, alertId);
        return act(alertId, operator, state -> AlertLifecycle.acknowledge(state, operator, comment, Instant.now()));
    }

    public Uni<AlertNotification> resolve(UUID alertId, String operator) {
        LOG.debugf("operator %s resolves alert %s", operator, alertId);
        return act(alertId, operator, state -> AlertLifecycle.resolve(state, operator, Instant.now()));
    }

    private Uni<AlertNotification> act(UUID alertId, String operator, Function<AlertState, OperatorOutcome> action) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> alerts.findById(alertId).chain(alert -> {
                    if (alert == null) {
                        throw ProblemException.notFound(
                                "alert", alertId.toString(), "list the alerts with GET /api/v1/alerts for valid ids");
                    }
                    OperatorOutcome outcome = action.apply(alert.toState());
                    if (outcome instanceof OperatorOutcome.Rejected rejected) {
                        LOG.infof("operator %s: alert %s not changed: %s", operator, alertId, rejected.reason());
                        throw ProblemException.conflict(
                                "alert-status", "Alert status does not allow this", rejected.reason());
                    }
                    OperatorOutcome.Applied applied = (OperatorOutcome.Applied) outcome;
                    return applier.store(alert, applied.transition(), now, "operator " + operator)
                            .chain(change -> applier.withSilences(List.of(change)))
                            .map(changes -> changes.get(0));
                }))
                .onFailure(AlertActions::staleRow)
                .retry()
                .atMost(STALE_RETRIES)
                .invoke(change -> dispatcher.dispatch(List.of(change)));
    }

    /** Returns whether the failure is an optimistic-lock conflict: an event changed the alert meanwhile. */
    private static boolean staleRow(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                LOG.infof("the alert changed during an operator action (%s); trying the action again", cause);
                return true;
            }
        }
        return false;
    }
}
