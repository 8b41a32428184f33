package dev.keyline.alert.service;

import dev.keyline.alert.config.AlertsConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The live stream of committed alert changes for server-sent events. Subscribers get the changes made after they
 * subscribed; nothing is replayed.
 */
@Startup
@ApplicationScoped
public class AlertStream {

    /** Changes buffered per subscriber; a subscriber that falls further behind fails with an overflow. */
    static final int SUBSCRIBER_BUFFER = 1000;

    private final BroadcastProcessor<AlertNotification> processor = BroadcastProcessor.create();

    // Several consumer threads and request threads publish, and the processor needs its onNext calls serialised.
    private final SerializedProcessor<AlertNotification, AlertNotification> input = processor.serialized();

    private final Duration keepAlive;

    public AlertStream(AlertsConfig config) {
        this.keepAlive = config.stream().keepAlive();
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException(
                    "keyline.alerts.stream.keep-alive is " + keepAlive + "; set a positive duration such as 20s");
        }
    }

    public void publish(AlertNotification notification) {
        input.onNext(notification);
    }

    public Multi<AlertNotification> changes() {
        return processor.onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    /**
     * Returns a tick every keep-alive interval while subscribed. A tick that the subscriber has not taken yet is
     * dropped, so a slow reader gets at most one.
     */
    public Multi<Long> keepAlives() {
        return Multi.createFrom().ticks().every(keepAlive).onOverflow().drop();
    }
}
