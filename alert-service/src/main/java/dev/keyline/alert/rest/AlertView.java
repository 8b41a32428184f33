package dev.keyline.alert.rest;

import dev.keyline.alert.repository.AlertEntity;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An alert as {@code GET /api/v1/alerts} returns it. {@code resolvedAt} is null while the alert is firing. */
public record AlertView(
        String id,
        String rule,
        String severity,
        String status,
        Map<String, String> labels,
        String summary,
        String action,
        Instant firstSeen,
        Instant lastSeen,
        Instant resolvedAt,
        long occurrences) {

    static AlertView of(AlertEntity alert) {
        return new AlertView(
                alert.id.toString(),
                alert.rule,
                alert.severity,
                alert.status,
                new TreeMap<>(alert.labels),
                alert.summary,
                alert.action,
                alert.firstSeen,
                alert.lastSeen,
                alert.resolvedAt,
                alert.occurrences);
    }
}
