package dev.keyline.station.service;

import dev.keyline.station.config.StationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the reading of a request body, such as masking the keys of a 5 MB event log, on a pool of reading threads. An
 * event-loop thread serves many requests in turn, so reading a large artifact on it held up every other request on that
 * thread for seconds. The result comes back on the request's own Vert.x context, where the database work goes on in
 * the same reactive session. The pool has {@code keyline.station.reading-threads} threads, so that many large bodies
 * sent at once wait their turn instead of running the heap out of memory together.
 */
@ApplicationScoped
public class OffEventLoop {

    private static final Logger LOG = Logger.getLogger(OffEventLoop.class);
    private static final String POOL_NAME = "keyline-body-reading";

    /** The maximum time a reading may run before Vert.x logs its thread as blocked, with the stack. */
    private static final long MAX_READING_SECONDS = 60;

    private final WorkerExecutor readers;

    public OffEventLoop(Vertx vertx, StationConfig config) {
        int threads = config.readingThreads().orElse(Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("keyline.station.reading-threads must be at least 1, got " + threads);
        }
        this.readers = vertx.createSharedWorkerExecutor(POOL_NAME, threads, MAX_READING_SECONDS, TimeUnit.SECONDS);
        LOG.infof("reading request bodies on %d threads of pool %s", threads, POOL_NAME);
    }

    /**
     * Runs {@code reading} on a reading thread and emits its result, or its failure, on the caller's context. Readings
     * of different requests run side by side, up to the pool's size.
     */
    public <T> Uni<T> run(Supplier<T> reading) {
        return readers.executeBlocking(Uni.createFrom().item(reading), false);
    }

    @PreDestroy
    void close() {
        readers.closeAndAwait();
    }
}
