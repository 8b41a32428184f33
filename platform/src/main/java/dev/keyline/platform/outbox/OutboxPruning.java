package dev.keyline.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes outbox rows that were sent longer ago than {@code keyline.outbox.retention}, in batches, on a schedule
 * ({@code keyline.outbox.pruning-interval}). Unsent rows are never deleted. Each batch adds its rows per topic to
 * {@code outbox_pruned} in the same statement, so {@link #publishedCount} stays exact.
 */
@ApplicationScoped
public class OutboxPruning {

    private static final Logger LOG = Logger.getLogger(OutboxPruning.class);

    // $1 retention in seconds, $2 batch size. The statement returns how many rows it deleted.
    private static final String PRUNE_BATCH = "WITH pruned AS (DELETE FROM outbox WHERE seq IN"
            + " (SELECT seq FROM outbox WHERE sent_at < now() - make_interval(secs => $1::double precision)"
            + " ORDER BY seq LIMIT $2) RETURNING topic),"
            + " counted AS (SELECT topic, count(*) AS row_count FROM pruned GROUP BY topic),"
            + " saved AS (INSERT INTO outbox_pruned (topic, row_count) SELECT topic, row_count FROM counted"
            + " ON CONFLICT (topic) DO UPDATE SET row_count = outbox_pruned.row_count + EXCLUDED.row_count)"
            + " SELECT coalesce(sum(row_count), 0)::bigint AS deleted FROM counted";

    private static final String PUBLISHED = "SELECT (SELECT count(*) FROM outbox WHERE topic = $1)"
            + " + coalesce((SELECT row_count FROM outbox_pruned WHERE topic = $1), 0) AS published";

    private static final int BATCH_SIZE = 10_000;
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final OutboxConfig config;

    public OutboxPruning(Pool pool, OutboxConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(
            identity = "outbox-pruning",
            every = "${keyline.outbox.pruning-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        try {
            pruneNow();
        } catch (RuntimeException e) {
            LOG.warnf("pruning sent outbox rows failed: %s; the next pruning tries again", e.getMessage());
        }
    }

    /** Deletes the sent rows older than the retention and returns how many. Blocks, so call it off the event loop. */
    public long pruneNow() {
        long seconds = config.retention().toSeconds();
        LOG.debugf("pruning outbox rows sent more than %d s ago", seconds);
        long total = 0;
        long deleted;
        do {
            deleted = pool.preparedQuery(PRUNE_BATCH)
                    .execute(Tuple.of(seconds, BATCH_SIZE))
                    .await()
                    .atMost(DATABASE_TIMEOUT)
                    .iterator()
                    .next()
                    .getLong("deleted");
            total += deleted;
        } while (deleted == BATCH_SIZE);

        if (total > 0) {
            LOG.infof("pruned %d outbox rows sent more than %s ago", total, config.retention());
        }
        return total;
    }

    /** Returns how many rows of {@code topic} the outbox has held: sent, unsent and pruned. */
    public Uni<Long> publishedCount(String topic) {
        return pool.preparedQuery(PUBLISHED)
                .execute(Tuple.of(topic))
                .map(rows -> rows.iterator().next().getLong("published"));
    }
}
