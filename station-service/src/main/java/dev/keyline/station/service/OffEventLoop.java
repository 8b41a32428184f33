package dev.keyline.station.service;

import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.config.StationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the reading of a large request body, such as masking the keys of a 5 MB event log, on a pool of reading
 * threads. An event-loop thread serves many requests in turn, so reading a large artifact on it held up every other
 * request on that thread for seconds. The result comes back on the request's own Vert.x context, where the database
 * work goes on in the same reactive session.
 *
 * <p>The pool has {@code keyline.station.reading-threads} threads, so that large bodies sent at once wait their turn
 * instead of running the heap out of memory together. Bodies that wait or are read take at most {@code
 * keyline.station.reading-max-bytes}; a large body beyond that gets 503. Small bodies, such as a report, are read on
 * the event loop, so that they never wait behind large ones. Masking them there takes a few milliseconds.
 */
@ApplicationScoped
public class OffEventLoop {

    /**
     * The largest body that is read on the event loop. Masking 8 KiB of log text took 1.6 ms, and 4.4 ms with a key on
     * every line (docs/BENCHMARKS.md, "Masking speed"). A report is well under 2 KiB.
     */
    static final int INLINE_MAX_BYTES = 8 * 1024;

    /** How long a station should wait before sending a body again that got 503 {@code busy-reading}. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(OffEventLoop.class);
    private static final String POOL_NAME = "keyline-body-reading";

    /** The maximum time a reading may run before Vert.x logs its thread as blocked, with the stack. */
    private static final long MAX_READING_SECONDS = 60;

    private final WorkerExecutor readers;
    private final long maxBytes;
    private final AtomicLong bytesInReading = new AtomicLong();

    public OffEventLoop(Vertx vertx, StationConfig config) {
        int threads = config.readingThreads().orElse(Runtime.getRuntime().availableProcessors());
        if (threads < 1) {
            throw new IllegalArgumentException("keyline.station.reading-threads must be at least 1, got " + threads);
        }
        this.maxBytes = config.readingMaxBytes().orElse(Runtime.getRuntime().maxMemory() / 8);
        if (maxBytes < INLINE_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "keyline.station.reading-max-bytes must be at least " + INLINE_MAX_BYTES + ", got " + maxBytes);
        }
        this.readers = vertx.createSharedWorkerExecutor(POOL_NAME, threads, MAX_READING_SECONDS, TimeUnit.SECONDS);
        LOG.infof(
                "reading request bodies over %d bytes on %d threads of pool %s, at most %d bytes at once",
                INLINE_MAX_BYTES, threads, POOL_NAME, maxBytes);
    }

    /**
     * Runs {@code reading} of a body of {@code bodySize} bytes and emits its result, or its failure, on the caller's
     * context. A small body is read at once on the caller's thread. A large one is read on a reading thread, or fails
     * with a 503 problem when the bodies already waiting or being read take {@code keyline.station.reading-max-bytes}.
     * A body larger than that limit is still read when no other large body is.
     */
    public <T> Uni<T> run(long bodySize, Supplier<T> reading) {
        if (bodySize <= INLINE_MAX_BYTES) {
            return Uni.createFrom().item(reading);
        }
        long before = bytesInReading.getAndAdd(bodySize);
        if (before > 0 && before + bodySize > maxBytes) {
            bytesInReading.addAndGet(-bodySize);
            LOG.warnf(
                    "rejected a body of %d bytes with 503: %d bytes of other bodies wait or are being read, limit %d",
                    bodySize, before, maxBytes);
            return Uni.createFrom().failure(busy(bodySize, before));
        }
        return readers.executeBlocking(Uni.createFrom().item(reading), false)
                .onTermination()
                .invoke(() -> bytesInReading.addAndGet(-bodySize));
    }

    private ProblemException busy(long bodySize, long waiting) {
        return ProblemException.retryLater(
                Problem.of(
                        503,
                        "busy-reading",
                        "Busy reading other bodies",
                        "the service is reading " + waiting + " bytes of other large request bodies, and this body of "
                                + bodySize + " bytes would take it over its limit of " + maxBytes + " bytes. Nothing of"
                                + " this request was read or stored; send it again in a minute, or send "
                                + "smaller artifacts"),
                RETRY_AFTER);
    }

    @PreDestroy
    void close() {
        readers.closeAndAwait();
    }
}
