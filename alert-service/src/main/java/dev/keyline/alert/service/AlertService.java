package dev.keyline.alert.service;

import dev.keyline.alert.domain.DeadLetterRecord;
import dev.keyline.alert.domain.DeadLetterRule;
import dev.keyline.alert.repository.ProcessedEventRepository;
import dev.keyline.schemas.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Applies one record to the alerts: records its id, stores the facts the rules need from it, runs the rules, and stores
 * the alert changes with their history and {@code AlertChanged} events, all in one transaction.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final EventEvaluator evaluator;
    private final AlertApplier applier;
    private final ProcessedEventRepository processedEvents;
    private final Set<String> unknownTypesSeen = ConcurrentHashMap.newKeySet();

    public AlertService(EventEvaluator evaluator, AlertApplier applier, ProcessedEventRepository processedEvents) {
        this.evaluator = evaluator;
        this.applier = applier;
        this.processedEvents = processedEvents;
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
                    return evaluator
                            .evaluate(event)
                            .chain(evaluations -> applier.applyAll(evaluations, event.time(), "event " + event.id()))
                            .map(ProcessingOutcome::applied);
                }));
    }

    /**
     * Records a valid event of a type this version does not know as processed, changing no alert, so a producer that
     * adds a type does not fill the dead-letter topic. The first event of each type is logged at INFO.
     */
    public Uni<ProcessingOutcome> processUnknownType(String eventId, String type, String topic) {
        if (unknownTypesSeen.add(type)) {
            LOG.infof(
                    "ignoring event %s from %s: type %s is unknown to this version, so no rule watches it; later"
                            + " events of this type are logged at DEBUG",
                    eventId, topic, type);
        } else {
            LOG.debugf("ignoring event %s of unknown type %s from %s", eventId, type, topic);
        }
        return Panache.withTransaction(() -> processedEvents.markProcessed(eventId, topic))
                .map(firstTime ->
                        firstTime ? ProcessingOutcome.applied(List.of()) : ProcessingOutcome.duplicateEvent());
    }

    /** Raises the {@code dead-letter} alert for a record read from a dead-letter topic at {@code time}. */
    public Uni<ProcessingOutcome> processDeadLetter(DeadLetterRecord record, Instant time) {
        String recordId = "dead-letter " + record.deadLetterTopic() + "/" + record.deadLetterPartition() + "@"
                + record.deadLetterOffset();
        LOG.debugf("processing %s", recordId);

        return Panache.withTransaction(() -> processedEvents
                .markProcessed(recordId, record.deadLetterTopic())
                .chain(firstTime -> {
                    if (!firstTime) {
                        LOG.infof("skipped %s: it was processed before", recordId);
                        return Uni.createFrom().item(ProcessingOutcome.duplicateEvent());
                    }
                    return applier.applyAll(List.of(DeadLetterRule.evaluate(record)), time, recordId)
                            .map(ProcessingOutcome::applied);
                }));
    }
}
