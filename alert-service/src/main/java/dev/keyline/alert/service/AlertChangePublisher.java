package dev.keyline.alert.service;

import dev.keyline.alert.repository.AlertEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.AlertChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Announces an alert change as a {@code keyline.alert.changed.v1} CloudEvent on {@code keyline.alerts}, keyed by alert
 * id, through the outbox. Call it inside the transaction that stores the change.
 */
@ApplicationScoped
public class AlertChangePublisher {

    static final String SOURCE = CloudEvent.serviceSource("alert-service");

    private final Outbox outbox;
    private final EventCodec codec;

    public AlertChangePublisher(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    /** Appends the event to the outbox. {@code time} is the time of the event that caused the change. */
    public Uni<CloudEvent<AlertChanged>> publish(AlertEntity alert, Instant time) {
        String alertId = alert.id.toString();
        AlertChanged data = new AlertChanged(
                alertId,
                alert.rule,
                alert.severity,
                alert.status,
                Map.copyOf(alert.labels),
                alert.summary,
                alert.action,
                alert.firstSeen.toString(),
                alert.lastSeen.toString());
        CloudEvent<AlertChanged> event = CloudEvent.create(SOURCE, alertId, time, data);

        return outbox.append(OutboxMessage.cloudEvent(alertId, event, codec.encode(event)))
                .replaceWith(event);
    }
}
