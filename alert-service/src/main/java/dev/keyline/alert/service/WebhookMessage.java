package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertState;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON body the webhook receives for one alert change. {@code text} is a one-line message that chat tools'
 * incoming webhooks display as it is; the other members carry the alert for programs.
 */
public record WebhookMessage(
        String text,
        String change,
        String alertId,
        String rule,
        String severity,
        String status,
        Map<String, String> labels,
        String summary,
        String action,
        String firstSeen,
        String lastSeen,
        String resolvedAt,
        long occurrences,
        String url) {

    public static WebhookMessage of(AlertNotification notification, String externalUrl) {
        AlertState alert = notification.transition().state();
        String change = notification.transition().kind().wireName();
        String rule = alert.identity().rule().wireName();
        String text = String.format(
                "[%s] %s %s: %s. Action: %s",
                alert.severity().wireName().toUpperCase(Locale.ROOT), rule, change, alert.summary(), alert.action());
        String base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
        return new WebhookMessage(
                text,
                change,
                notification.alertId().toString(),
                rule,
                alert.severity().wireName(),
                alert.status().wireName(),
                new TreeMap<>(alert.identity().labels()),
                alert.summary(),
                alert.action(),
                alert.firstSeen().toString(),
                alert.lastSeen().toString(),
                alert.resolvedAt() == null ? null : alert.resolvedAt().toString(),
                alert.occurrences(),
                base + "/api/v1/alerts/" + notification.alertId());
    }
}
