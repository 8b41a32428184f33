package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertLifecycle;
import dev.keyline.alert.domain.AlertTransition;
import dev.keyline.alert.domain.Evaluation;
import dev.keyline.alert.domain.Silence;
import dev.keyline.alert.repository.AlertEntity;
import dev.keyline.alert.repository.AlertHistoryRepository;
import dev.keyline.alert.repository.AlertRepository;
import dev.keyline.alert.repository.SilenceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores alert changes in the caller's transaction: the alert row, a history row, the {@code AlertChanged} outbox
 * event and the webhook's queued change, and returns the changes as notifications, each with the silences that match
 * it.
 */
@ApplicationScoped
public class AlertApplier {

    private static final Logger LOG = Logger.getLogger(AlertApplier.class);

    private final AlertRepository alerts;
    private final AlertHistoryRepository history;
    private final SilenceRepository silences;
    private final AlertChangePublisher publisher;
    private final WebhookSender webhook;

    public AlertApplier(
            AlertRepository alerts,
            AlertHistoryRepository history,
            SilenceRepository silences,
            AlertChangePublisher publisher,
            WebhookSender webhook) {
        this.alerts = alerts;
        this.history = history;
        this.silences = silences;
        this.publisher = publisher;
        this.webhook = webhook;
    }

    /**
     * Applies the evaluations of one event, in order. {@code eventTime} is the event's time and {@code actor} names
     * the event in the history, such as {@code event 0b6e...}.
     */
    public Uni<List<AlertNotification>> applyAll(List<Evaluation> evaluations, Instant eventTime, String actor) {
        List<AlertNotification> changes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Evaluation evaluation : evaluations) {
            chain = chain.chain(() -> apply(evaluation, eventTime, actor))
                    .invoke(changes::addAll)
                    .replaceWithVoid();
        }
        return chain.chain(() -> withSilences(changes));
    }

    /** Stores one change made by the lifecycle to a stored alert, or to a new one when {@code stored} is null. */
    public Uni<AlertNotification> store(
            AlertEntity stored, AlertTransition transition, Instant occurredAt, String actor) {
        AlertEntity alert = stored != null ? stored : new AlertEntity();
        alert.update(transition.state(), Instant.now());
        return alerts.persist(alert)
                .call(saved -> history.append(saved.id, transition, occurredAt, actor))
                .call(saved -> publisher.publish(saved, occurredAt))
                .map(saved -> {
                    LOG.infof(
                            "%s %s alert %s %s (status %s, occurrences %d)",
                            actor,
                            transition.kind().wireName(),
                            saved.id,
                            saved.identity,
                            saved.status,
                            saved.occurrences);
                    return new AlertNotification(saved.id, transition, List.of());
                });
    }

    /**
     * Returns the notifications with the ids of the silences active now that match each alert, and queues the
     * webhook's changes among them in the caller's transaction.
     */
    public Uni<List<AlertNotification>> withSilences(List<AlertNotification> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = Instant.now();
        return silences.findActive(now)
                .map(active -> changes.stream()
                        .map(change -> new AlertNotification(
                                change.alertId(), change.transition(), silencing(active, change, now)))
                        .toList())
                .call(webhook::queue);
    }

    private Uni<List<AlertNotification>> apply(Evaluation evaluation, Instant eventTime, String actor) {
        if (evaluation instanceof Evaluation.Fire fire) {
            return applyToIdentity(fire.identity().text(), evaluation, eventTime, actor);
        }
        if (evaluation instanceof Evaluation.Resolve resolve) {
            return applyToIdentity(resolve.identity().text(), evaluation, eventTime, actor);
        }
        if (evaluation instanceof Evaluation.ResolveMatching resolve) {
            return alerts.findActive(resolve.rule(), resolve.labels()).chain(found -> {
                Uni<List<AlertNotification>> chain = Uni.createFrom().<List<AlertNotification>>item(new ArrayList<>());
                for (AlertEntity alert : found) {
                    chain = chain.chain(changes -> applyToAlert(alert, evaluation, eventTime, actor)
                            .map(change -> {
                                change.ifPresent(changes::add);
                                return changes;
                            }));
                }
                return chain;
            });
        }
        return Uni.createFrom().item(List.of());
    }

    private Uni<List<AlertNotification>> applyToIdentity(
            String identity, Evaluation evaluation, Instant eventTime, String actor) {
        return alerts.findByIdentity(identity)
                .chain(stored -> applyToAlert(stored, evaluation, eventTime, actor))
                .map(change -> change.map(List::of).orElse(List.of()));
    }

    private Uni<Optional<AlertNotification>> applyToAlert(
            AlertEntity stored, Evaluation evaluation, Instant eventTime, String actor) {
        Optional<AlertTransition> transition =
                AlertLifecycle.apply(Optional.ofNullable(stored).map(AlertEntity::toState), evaluation, eventTime);
        if (transition.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store(stored, transition.get(), eventTime, actor).map(Optional::of);
    }

    private static List<UUID> silencing(List<Silence> active, AlertNotification change, Instant now) {
        return active.stream()
                .filter(silence -> silence.silences(
                        change.transition().state().identity(),
                        change.transition().state().severity(),
                        now))
                .map(Silence::id)
                .toList();
    }
}
