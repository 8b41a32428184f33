package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertIdentity;
import dev.keyline.alert.domain.AlertLifecycle;
import dev.keyline.alert.domain.AlertRules;
import dev.keyline.alert.domain.AlertTransition;
import dev.keyline.alert.domain.Evaluation;
import dev.keyline.alert.repository.AlertEntity;
import dev.keyline.alert.repository.AlertRepository;
import dev.keyline.alert.repository.ProcessedEventRepository;
import dev.keyline.schemas.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies one decoded event to the alerts: records its id, runs the rules, stores the alert change and appends the
 * {@code AlertChanged} event, all in one transaction.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final AlertRules rules;
    private final AlertRepository alerts;
    private final ProcessedEventRepository processedEvents;
    private final AlertChangePublisher publisher;

    public AlertService(
            AlertRules rules,
            AlertRepository alerts,
            ProcessedEventRepository processedEvents,
            AlertChangePublisher publisher) {
        this.rules = rules;
        this.alerts = alerts;
        this.processedEvents = processedEvents;
        this.publisher = publisher;
    }

    /** Processes an event read from {@code topic}. An event id seen before changes nothing. */
    public Uni<ProcessingOutcome> process(CloudEvent<?> event, String topic) {
        LOG.debugf(
                "processing event %s of type %s from %s",
                event.id(), event.type().type(), topic);

        return Panache.withTransaction(
                () -> processedEvents.markProcessed(event.id(), topic).chain(firstTime -> {
                    if (!firstTime) {
                        LOG.infof("skipped event %s from %s: it was processed before", event.id(), topic);
                        return Uni.createFrom().item(ProcessingOutcome.duplicateEvent());
                    }
                    return applyRules(event).map(ProcessingOutcome::applied);
                }));
    }

    private Uni<Optional<AlertTransition>> applyRules(CloudEvent<?> event) {
        Evaluation evaluation = rules.evaluate(event.data());
        Optional<AlertIdentity> identity = identityOf(evaluation);
        if (identity.isEmpty()) {
            LOG.debugf(
                    "event %s of type %s changes no alert",
                    event.id(), event.type().type());
            return Uni.createFrom().item(Optional.empty());
        }

        return alerts.findByIdentity(identity.get().text()).chain(stored -> {
            Optional<AlertTransition> transition = AlertLifecycle.apply(
                    Optional.ofNullable(stored).map(AlertEntity::toState), evaluation, event.time());
            if (transition.isEmpty()) {
                LOG.debugf(
                        "event %s leaves alert %s as it is",
                        event.id(), identity.get().text());
                return Uni.createFrom().item(Optional.<AlertTransition>empty());
            }

            AlertEntity alert = stored != null ? stored : new AlertEntity();
            alert.update(transition.get().state());
            return alerts.persist(alert)
                    .chain(saved -> publisher.publish(saved, event.time()))
                    .invoke(() -> LOG.infof(
                            "event %s %s alert %s %s (occurrences %d)",
                            event.id(), verb(transition.get().kind()), alert.id, alert.identity, alert.occurrences))
                    .replaceWith(transition);
        });
    }

    private static Optional<AlertIdentity> identityOf(Evaluation evaluation) {
        if (evaluation instanceof Evaluation.Fire fire) {
            return Optional.of(fire.identity());
        }
        if (evaluation instanceof Evaluation.Resolve resolve) {
            return Optional.of(resolve.identity());
        }
        return Optional.empty();
    }

    private static String verb(AlertTransition.Kind kind) {
        return switch (kind) {
            case RAISED -> "raised";
            case REPEATED -> "repeated";
            case REFIRED -> "fired again";
            case RESOLVED -> "resolved";
        };
    }
}
