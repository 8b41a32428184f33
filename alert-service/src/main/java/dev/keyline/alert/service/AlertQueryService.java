package dev.keyline.alert.service;

import dev.keyline.alert.domain.Silence;
import dev.keyline.alert.repository.AlertEntity;
import dev.keyline.alert.repository.AlertFilter;
import dev.keyline.alert.repository.AlertHistoryEntity;
import dev.keyline.alert.repository.AlertHistoryRepository;
import dev.keyline.alert.repository.AlertRepository;
import dev.keyline.alert.repository.ProcessedEventRepository;
import dev.keyline.alert.repository.SilenceRepository;
import dev.keyline.schemas.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read side of the service: alert searches, history and processing counts. Callers open the session. */
@ApplicationScoped
public class AlertQueryService {

    private final AlertRepository alerts;
    private final AlertHistoryRepository history;
    private final SilenceRepository silences;
    private final ProcessedEventRepository processedEvents;

    public AlertQueryService(
            AlertRepository alerts,
            AlertHistoryRepository history,
            SilenceRepository silences,
            ProcessedEventRepository processedEvents) {
        this.alerts = alerts;
        this.history = history;
        this.silences = silences;
        this.processedEvents = processedEvents;
    }

    /** Returns one page of matching alerts, the total count of matches and the silences active now. */
    public Uni<AlertPage> search(AlertFilter filter, int page, int size) {
        return alerts.search(filter, page, size).chain(rows -> alerts.count(filter)
                .chain(total -> silences.findActive(Instant.now()).map(active -> new AlertPage(rows, total, active))));
    }

    /** Returns the alert, or null when no alert has this id, with the silences active now. */
    public Uni<AlertPage> find(UUID id) {
        return alerts.findById(id).chain(row -> silences.findActive(Instant.now())
                .map(active -> new AlertPage(row == null ? List.of() : List.of(row), row == null ? 0 : 1, active)));
    }

    public Uni<List<AlertHistoryEntity>> history(UUID alertId) {
        return history.findByAlert(alertId);
    }

    public Uni<ProcessingCounts> processingCounts() {
        return processedEvents.countByTopic(Topics.LINE_EVENTS).chain(lineEvents -> processedEvents
                .countByTopic(Topics.LEDGER_EVENTS)
                .chain(ledgerEvents -> processedEvents
                        .countByTopics(List.of(Topics.LINE_EVENTS_DLQ, Topics.LEDGER_EVENTS_DLQ))
                        .map(deadLetters -> new ProcessingCounts(lineEvents, ledgerEvents, deadLetters))));
    }

    /** A page of alerts, with the total count of matches and the silences active when it was read. */
    public record AlertPage(List<AlertEntity> alerts, long total, List<Silence> activeSilences) {}
}
