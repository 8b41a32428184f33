package dev.keyline.alert.service;

import dev.keyline.alert.config.AlertsConfig;
import dev.keyline.alert.repository.ProcessedEventRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Scheduled deletion of the ids of events applied longer ago than {@code keyline.alerts.processed-events.retention},
 * every {@code keyline.alerts.processed-events.pruning-interval}, so that {@code processed_events} stops growing with
 * every event. The status counts keep what it deleted.
 */
@ApplicationScoped
public class ProcessedEventPruning {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPruning.class);

    private final Duration retention;
    private final ProcessedEventRepository processedEvents;

    public ProcessedEventPruning(AlertsConfig config, ProcessedEventRepository processedEvents) {
        this.retention = config.processedEvents().retention();
        this.processedEvents = processedEvents;
    }

    @Scheduled(
            every = "${keyline.alerts.processed-events.pruning-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        try {
            pruneNow();
        } catch (RuntimeException e) {
            LOG.warnf("pruning old processed event ids failed: %s; the next pruning tries again", e);
        }
    }

    /**
     * Deletes the ids older than the retention in one transaction and returns how many. Blocks, so call it from a
     * worker thread.
     */
    public long pruneNow() {
        Instant cutoff = Instant.now().minus(retention);
        LOG.debugf("pruning processed event ids recorded before %s", cutoff);
        long deleted;
        try {
            deleted = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> processedEvents.pruneRecordedBefore(cutoff)));
        } catch (Throwable e) {
            throw new IllegalStateException("pruning processed event ids failed: " + e.getMessage(), e);
        }
        if (deleted > 0) {
            LOG.infof("pruned %d processed event ids recorded before %s (retention %s)", deleted, cutoff, retention);
        }
        return deleted;
    }
}
