package dev.keyline.alert.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The live stream of committed alert changes for server-sent events. Subscribers get the changes made after they
 * subscribed; nothing is replayed.
 */
@ApplicationScoped
public class AlertStream {

    /** Changes buffered per subscriber; a subscriber that falls further behind fails with an overflow. */
    static final int SUBSCRIBER_BUFFER = 1000;

    private final BroadcastProcessor<AlertNotification> processor = BroadcastProcessor.create();

    // Several consumer threads and request threads publish, and the processor needs its onNext calls serialised.
    private final SerializedProcessor<AlertNotification, AlertNotification> input = processor.serialized();

    public void publish(AlertNotification notification) {
        input.onNext(notification);
    }

    public Multi<AlertNotification> changes() {
        return processor.onOverflow().buffer(SUBSCRIBER_BUFFER);
    }
}
