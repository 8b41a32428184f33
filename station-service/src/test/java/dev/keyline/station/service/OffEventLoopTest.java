package dev.keyline.station.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.platform.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A reading runs on a worker thread while the event loop serves other work, and its result or failure comes back on
 * the request's context, where the reactive session lives.
 */
@QuarkusTest
class OffEventLoopTest {

    private static final long WAIT_SECONDS = 30;
    /** A body size that is read on the pool. */
    private static final long LARGE = OffEventLoop.INLINE_MAX_BYTES + 1;
    /** The test profile's keyline.station.reading-max-bytes. */
    private static final long MAX_BYTES = 4_000_000;

    @Inject
    OffEventLoop offEventLoop;

    @Inject
    Vertx vertx;

    @Test
    void readingRunsOffEventLoop() throws Exception {
        Context request = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<String> readingThread = new CompletableFuture<>();
        CompletableFuture<String> eventLoopThread = new CompletableFuture<>();
        CompletableFuture<String> resultThread = new CompletableFuture<>();
        CompletableFuture<Boolean> sameContext = new CompletableFuture<>();

        request.runOnContext(ignored -> {
            eventLoopThread.complete(Thread.currentThread().getName());
            offEventLoop
                    .run(LARGE, () -> {
                        readingThread.complete(Context.isOnEventLoopThread() ? "event loop" : "other thread");
                        return "masked text";
                    })
                    .subscribe()
                    .with(
                            text -> {
                                sameContext.complete(Vertx.currentContext() == request);
                                resultThread.complete(Thread.currentThread().getName() + " got " + text);
                            },
                            resultThread::completeExceptionally);
        });

        assertThat(readingThread.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("other thread");
        String eventLoop = eventLoopThread.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(eventLoop).startsWith("vert.x-eventloop-thread-");
        assertThat(resultThread.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(eventLoop + " got masked text");
        assertThat(sameContext.get(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void eventLoopServesOtherWorkWhileReadingRuns() throws Exception {
        Context request = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        Context otherRequest = VertxContext.createNewDuplicatedContext(request);
        CountDownLatch readingStarted = new CountDownLatch(1);
        CountDownLatch otherWorkDone = new CountDownLatch(1);
        CompletableFuture<String> reading = new CompletableFuture<>();

        request.runOnContext(ignored -> offEventLoop
                .run(LARGE, () -> {
                    readingStarted.countDown();
                    try {
                        // The reading ends only once the same event loop has run the other request's work.
                        return otherWorkDone.await(WAIT_SECONDS, TimeUnit.SECONDS) ? "done" : "event loop was held";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    }
                })
                .subscribe()
                .with(reading::complete, reading::completeExceptionally));
        assertThat(readingStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        otherRequest.runOnContext(ignored -> otherWorkDone.countDown());

        assertThat(reading.get(WAIT_SECONDS * 2, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void failureOfReadingComesBackAsFailure() throws Exception {
        Context request = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<String> outcome = new CompletableFuture<>();

        request.runOnContext(ignored -> offEventLoop
                .<String>run(LARGE, () -> {
                    throw new IllegalStateException("not well-formed XML at line 3");
                })
                .subscribe()
                .with(
                        outcome::complete,
                        failure -> outcome.complete(failure.getClass().getSimpleName() + ": " + failure.getMessage())));

        assertThat(outcome.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isEqualTo("IllegalStateException: not well-formed XML at line 3");
    }

    @Test
    void readingsBeyondPoolSizeWait() throws Exception {
        // The test profile sets keyline.station.reading-threads to 2.
        Context request = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        AtomicInteger started = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> readings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CompletableFuture<Integer> reading = new CompletableFuture<>();
            readings.add(reading);
            request.runOnContext(ignored -> offEventLoop
                    .run(LARGE, () -> {
                        int running = started.incrementAndGet();
                        try {
                            release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return running;
                    })
                    .subscribe()
                    .with(reading::complete, reading::completeExceptionally));
        }

        await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> started.get() >= 2);
        // Give a third reading the chance to start if the pool were larger.
        Thread.sleep(500);
        assertThat(started.get()).isEqualTo(2);
        release.countDown();

        for (CompletableFuture<Integer> reading : readings) {
            assertThat(reading.get(WAIT_SECONDS, TimeUnit.SECONDS)).isBetween(1, 4);
        }
        assertThat(started.get()).isEqualTo(4);
    }

    @Test
    void smallBodyReadOnEventLoop() throws Exception {
        Context request = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<String> readingThread = new CompletableFuture<>();

        request.runOnContext(ignored -> offEventLoop
                .run(OffEventLoop.INLINE_MAX_BYTES, () -> Context.isOnEventLoopThread() ? "event loop" : "other thread")
                .subscribe()
                .with(readingThread::complete, readingThread::completeExceptionally));

        assertThat(readingThread.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("event loop");
    }

    @Test
    void bodyOverByteLimitRejectedWhileOthersRead() throws Exception {
        Context request = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        CountDownLatch readingStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        CompletableFuture<String> alone = new CompletableFuture<>();

        request.runOnContext(ignored -> offEventLoop
                .run(MAX_BYTES / 2 + 1, () -> {
                    readingStarted.countDown();
                    try {
                        return release.await(WAIT_SECONDS, TimeUnit.SECONDS) ? "read" : "not released";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    }
                })
                .subscribe()
                .with(first::complete, first::completeExceptionally));
        assertThat(readingStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        request.runOnContext(ignored -> offEventLoop
                .run(MAX_BYTES / 2, () -> "read")
                .subscribe()
                .with(second::complete, failure -> second.complete(problemOf(failure))));

        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("503 busy-reading, retry after 60 s");
        release.countDown();
        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("read");

        // A body over the limit is read when no other large body is.
        request.runOnContext(ignored -> offEventLoop
                .run(MAX_BYTES * 2, () -> "read alone")
                .subscribe()
                .with(alone::complete, failure -> alone.complete(problemOf(failure))));
        assertThat(alone.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("read alone");
    }

    private static String problemOf(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            String type = problem.problem().type();
            String retryAfter = problem.retryAfter()
                    .map(after -> ", retry after " + after.toSeconds() + " s")
                    .orElse("");
            return problem.problem().status() + " " + type.substring(type.lastIndexOf('/') + 1) + retryAfter;
        }
        return failure.toString();
    }
}
