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

    public Uni<Integer> append(String eventId, String keyId, Instant at, long available) {
        return NativeRows.execute(INSERT, eventId, keyId, at, available);
    }

    /** Returns the samples a forecast at {@code at} over a window starting at {@code windowStart} needs, oldest first. */
    public Uni<List<BalanceSample>> history(String keyId, Instant windowStart, Instant at) {
        return NativeRows.select(HISTORY, keyId, windowStart, at).map(rows -> rows.stream()
                .map(row -> new BalanceSample(NativeRows.instant(row[0]), NativeRows.longValue(row[1])))
                .toList());
    }
}
