package dev.keyline.alert.rest;

import dev.keyline.alert.service.AlertNotification;

/** One server-sent event of {@code GET /api/v1/alerts/stream}: what changed, and the alert after the change. */
public record AlertChangeView(String change, AlertView alert) {

    static AlertChangeView of(AlertNotification notification) {
        return new AlertChangeView(
                notification.transition().kind().wireName(),
                AlertView.of(notification.alertId(), notification.transition().state(), notification.silencedBy()));
    }
}
