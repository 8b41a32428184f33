package dev.keyline.alert.rest;

import dev.keyline.alert.domain.AlertState;
import dev.keyline.alert.domain.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An alert as the API returns it. {@code resolvedAt} is null while the alert is active; the acknowledgement fields
 * are null unless an operator acknowledged it in its current firing period. {@code silencedBy} lists the silences
 * active now that match it.
 */
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
        Instant firingSince,
        Instant resolvedAt,
        long occurrences,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgeComment,
        String resolvedBy,
        List<String> silencedBy) {

    static AlertView of(UUID id, AlertState alert, List<UUID> silencedBy) {
        return new AlertView(
                id.toString(),
                alert.identity().rule().wireName(),
                alert.severity().wireName(),
                alert.status().wireName(),
                new TreeMap<>(alert.identity().labels()),
                alert.summary(),
                alert.action(),
                alert.firstSeen(),
                alert.lastSeen(),
                alert.firingSince(),
                alert.resolvedAt(),
                alert.occurrences(),
                alert.acknowledgement() == null ? null : alert.acknowledgement().by(),
                alert.acknowledgement() == null ? null : alert.acknowledgement().at(),
                alert.acknowledgement() == null ? null : alert.acknowledgement().comment(),
                alert.resolvedBy(),
                silencedBy.stream().map(UUID::toString).toList());
    }

    /** Returns the view of {@code alert} with the ids of the {@code active} silences that match it at {@code now}. */
    static AlertView of(UUID id, AlertState alert, List<Silence> active, Instant now) {
        List<UUID> silencing = active.stream()
                .filter(silence -> silence.silences(alert.identity(), alert.severity(), now))
                .map(Silence::id)
                .toList();
        return of(id, alert, silencing);
    }
}
