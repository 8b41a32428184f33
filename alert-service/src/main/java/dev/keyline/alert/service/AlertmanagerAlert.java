package dev.keyline.alert.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyline.alert.domain.AlertState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One alert in the body of Alertmanager's {@code POST /api/v2/alerts}. {@code endsAt} is absent while the alert is
 * active, so Alertmanager keeps it until its {@code resolve_timeout} unless it is sent again, and set once it
 * resolved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertmanagerAlert(
        Map<String, String> labels,
        Map<String, String> annotations,
        String startsAt,
        String endsAt,
        String generatorURL) {

    /** Maps an alert: {@code alertname} is the rule, and {@code generatorURL} links to the alert in this service. */
    public static AlertmanagerAlert of(UUID alertId, AlertState alert, String externalUrl) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alert.identity().rule().wireName());
        labels.put("severity", alert.severity().wireName());
        labels.putAll(alert.identity().labels());

        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", alert.summary());
        annotations.put("action", alert.action());
        if (alert.acknowledgement() != null && alert.active()) {
            annotations.put(
                    "acknowledged",
                    "by " + alert.acknowledgement().by() + " at "
                            + alert.acknowledgement().at());
        }

        String endsAt = null;
        if (!alert.active()) {
            // Alertmanager rejects an end before the start, which a late event could otherwise produce.
            Instant end = alert.resolvedAt().isBefore(alert.firingSince()) ? alert.firingSince() : alert.resolvedAt();
            endsAt = end.toString();
        }
        String base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
        return new AlertmanagerAlert(
                labels, annotations, alert.firingSince().toString(), endsAt, base + "/api/v1/alerts/" + alertId);
    }
}
