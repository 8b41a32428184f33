package dev.keyline.station.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs the reading of a request body, such as masking the keys of a 5 MB event log, on a worker thread. An event-loop
 * thread serves many requests in turn, so reading a large artifact on it held up every other request on that thread
 * for seconds. The result comes back on the request's own Vert.x context, where the database work goes on in the
 * same reactive session.
 */
@ApplicationScoped
public class OffEventLoop {

    private final Vertx vertx;

    public OffEventLoop(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Runs {@code reading} on a worker thread and emits its result, or its failure, on the caller's context. Readings
     * of different requests run side by side, not one after the other.
     */
    public <T> Uni<T> run(Supplier<T> reading) {
        return vertx.executeBlocking(Uni.createFrom().item(reading), false);
    }
}
