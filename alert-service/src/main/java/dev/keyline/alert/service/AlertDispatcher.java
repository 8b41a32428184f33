package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertTransition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Hands committed alert changes to the live stream, Alertmanager and the webhook. Call it only after the transaction
 * that stored the changes has committed. Every change goes to the live stream; silenced changes go nowhere else.
 * Alertmanager gets raises, refires and resolves at once, and the periodic resend keeps it current. The webhook's
 * changes were queued in the transaction ({@link WebhookSender#queue}), and the dispatcher only starts their delivery.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private static final Set<AlertTransition.Kind> TO_ALERTMANAGER =
            Set.of(AlertTransition.Kind.RAISED, AlertTransition.Kind.REFIRED, AlertTransition.Kind.RESOLVED);

    private final AlertStream stream;
    private final AlertmanagerSender alertmanager;
    private final WebhookSender webhook;

    public AlertDispatcher(AlertStream stream, AlertmanagerSender alertmanager, WebhookSender webhook) {
        this.stream = stream;
        this.alertmanager = alertmanager;
        this.webhook = webhook;
    }

    public void dispatch(List<AlertNotification> notifications) {
        for (AlertNotification notification : notifications) {
            stream.publish(notification);
            if (notification.silenced()) {
                LOG.debugf(
                        "alert %s %s is silenced by %s, so it is not delivered",
                        notification.alertId(), notification.transition().kind().wireName(), notification.silencedBy());
                continue;
            }
            if (TO_ALERTMANAGER.contains(notification.transition().kind())) {
                alertmanager.send(List.of(notification));
            }
        }
        if (!notifications.isEmpty()) {
            webhook.deliverQueued();
        }
    }
}
