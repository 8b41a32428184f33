package dev.keyline.alert.rest;

import dev.keyline.alert.repository.AlertHistoryEntity;
import java.time.Instant;

/**
 * One change of an alert. {@code occurredAt} is the time of the event or the operator's request that made it,
 * {@code actor} is {@code event <id>}, {@code dead-letter <topic/partition@offset>} or {@code operator <name>}, and
 * {@code comment} is the operator's comment on an acknowledgement, or null.
 */
public record AlertHistoryView(
        String change,
        String status,
        String severity,
        String summary,
        long occurrences,
        Instant occurredAt,
        String actor,
        String comment,
        Instant recordedAt) {

    static AlertHistoryView of(AlertHistoryEntity row) {
        return new AlertHistoryView(
                row.change,
                row.status,
                row.severity,
                row.summary,
                row.occurrences,
                row.occurredAt,
                row.actor,
                row.comment,
                row.recordedAt);
    }
}
