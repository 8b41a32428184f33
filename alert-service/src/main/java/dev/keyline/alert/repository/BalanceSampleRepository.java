package dev.keyline.alert.repository;

import dev.keyline.alert.domain.BalanceSample;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Appends to and reads {@code balance_samples} in the caller's transaction. */
@ApplicationScoped
public class BalanceSampleRepository {

    private static final String INSERT = "INSERT INTO balance_samples (event_id, key_id, at, available)"
            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING";

    // The last sample at or before the window start, then every sample in the window up to the evaluated time.
    private static final String HISTORY = "SELECT at, available FROM ("
            + " (SELECT at, available, seq FROM balance_samples WHERE key_id = ?1 AND at <= ?2"
            + " ORDER BY at DESC, seq DESC LIMIT 1)"
            + " UNION ALL"
            + " (SELECT at, available, seq FROM balance_samples WHERE key_id = ?1 AND at > ?2 AND at <= ?3)"
            + ") samples ORDER BY at, seq";

    // Keeps the samples within ?1 seconds of the newest one and each key's last sample before that, which a forecast
    // whose window starts at the cutoff reads.
    private static final String PRUNE = "WITH bound AS (SELECT max(at)"
            + " - make_interval(secs => CAST(?1 AS double precision)) AS cutoff FROM balance_samples)"
            + " DELETE FROM balance_samples old USING bound WHERE old.at < bound.cutoff"
            + " AND EXISTS (SELECT 1 FROM balance_samples newer WHERE newer.key_id = old.key_id"
            + " AND newer.at < bound.cutoff AND (newer.at, newer.seq) > (old.at, old.seq))";

    public Uni<Integer> append(String eventId, String keyId, Instant at, long available) {
        return NativeRows.execute(INSERT, eventId, keyId, at, available);
    }

    /** Deletes the samples that no forecast reads any more; returns how many. */
    public Uni<Integer> pruneOlderThan(long seconds) {
        return NativeRows.execute(PRUNE, seconds);
    }

    /**
     * Returns the samples a forecast at {@code at} over a window starting at {@code windowStart} needs, oldest first.
     */
    public Uni<List<BalanceSample>> history(String keyId, Instant windowStart, Instant at) {
        return NativeRows.select(HISTORY, keyId, windowStart, at).map(rows -> rows.stream()
                .map(row -> new BalanceSample(NativeRows.instant(row[0]), NativeRows.longValue(row[1])))
                .toList());
    }
}
