package dev.keyline.alert.service;

import dev.keyline.alert.repository.AlertEntity;
import dev.keyline.alert.repository.AlertFilter;
import dev.keyline.alert.repository.AlertRepository;
import dev.keyline.alert.repository.ProcessedEventRepository;
import dev.keyline.schemas.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read side of the service: alert searches and processing counts. Callers open the session. */
@ApplicationScoped
public class AlertQueryService {

    private final AlertRepository alerts;
    private final ProcessedEventRepository processedEvents;

    public AlertQueryService(AlertRepository alerts, ProcessedEventRepository processedEvents) {
        this.alerts = alerts;
        this.processedEvents = processedEvents;
    }

    public Uni<List<AlertEntity>> search(AlertFilter filter) {
        return alerts.search(filter);
    }

    public Uni<ProcessingCounts> processingCounts() {
        return processedEvents.countByTopic(Topics.LINE_EVENTS).chain(lineEvents -> processedEvents
                .countByTopic(Topics.LEDGER_EVENTS)
                .map(ledgerEvents -> new ProcessingCounts(lineEvents, ledgerEvents)));
    }
}
