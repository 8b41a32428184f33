package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertTransition;
import java.util.List;
import java.util.UUID;

/**
 * A committed change of an alert, for the live stream, Alertmanager and the webhook.
 *
 * @param silencedBy ids of the silences active at the change that match the alert; a silenced change is not delivered
 */
public record AlertNotification(UUID alertId, AlertTransition transition, List<UUID> silencedBy) {

    public AlertNotification {
        silencedBy = List.copyOf(silencedBy);
    }

    public boolean silenced() {
        return !silencedBy.isEmpty();
    }
}
