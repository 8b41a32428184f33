package dev.keyline.alert.repository;

import dev.keyline.alert.domain.DeviceActivation;
import dev.keyline.alert.domain.FailureCounts;
import dev.keyline.schemas.events.ActivationAttempted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appends to and reads {@code activation_attempts} in the caller's transaction. */
@ApplicationScoped
public class ActivationAttemptRepository {

    private static final String INSERT = "INSERT INTO activation_attempts (event_id, serial, key_id, line_id,"
            + " station_id, at, success, result, uwf_enabled, hardware_hash)"
            + " VALUES (?1, ?2, CAST(?3 AS text), ?4, ?5, ?6, ?7, ?8, CAST(?9 AS boolean), CAST(?10 AS text))"
            + " ON CONFLICT (event_id) DO NOTHING";

    private static final String SUCCESSES = "SELECT event_id, at, uwf_enabled, hardware_hash"
            + " FROM activation_attempts WHERE serial = ?1 AND success AND at > ?2 AND at <= ?3 ORDER BY at, seq";

    private static final String PREVIOUS_SUCCESS = "SELECT event_id, at, uwf_enabled, hardware_hash"
            + " FROM activation_attempts WHERE serial = ?1 AND success AND event_id <> ?2 AND at <= ?3"
            + " ORDER BY at DESC, seq DESC LIMIT 1";

    // ?2 window start, ?3 evaluated time, ?4 baseline start; a station filter is appended as ?5.
    private static final String COUNTS = "SELECT"
            + " count(*) FILTER (WHERE at > ?2),"
            + " count(*) FILTER (WHERE at > ?2 AND NOT success),"
            + " count(*) FILTER (WHERE at <= ?2),"
            + " count(*) FILTER (WHERE at <= ?2 AND NOT success),"
            + " count(DISTINCT station_id) FILTER (WHERE at > ?2 AND NOT success)"
            + " FROM activation_attempts WHERE line_id = ?1 AND at > ?4 AND at <= ?3";

    private static final String TOP_RESULT = "SELECT result, count(*) FROM activation_attempts"
            + " WHERE line_id = ?1 AND NOT success AND at > ?2 AND at <= ?3";

    private static final String STATION = " AND station_id = ?";

    // Keeps the attempts within ?1 seconds of the newest one and each device's last success, which the repeat rule
    // compares the device's next success with.
    private static final String PRUNE = "DELETE FROM activation_attempts old"
            + " WHERE old.at < (SELECT max(at) FROM activation_attempts)"
            + " - make_interval(secs => CAST(?1 AS double precision))"
            + " AND NOT (old.success AND NOT EXISTS (SELECT 1 FROM activation_attempts newer"
            + " WHERE newer.serial = old.serial AND newer.success AND (newer.at, newer.seq) > (old.at, old.seq)))";

    /** Stores an attempt attributed to {@code keyId}, which is null when the key is unknown. */
    public Uni<Integer> append(String eventId, ActivationAttempted attempt, String keyId, Instant at) {
        return NativeRows.execute(
                INSERT,
                eventId,
                attempt.serial(),
                keyId,
                attempt.lineId(),
                attempt.stationId(),
                at,
                attempt.succeeded(),
                attempt.result(),
                attempt.uwfEnabled(),
                attempt.hardwareHash());
    }

    /** Returns the device's successes after {@code from} up to and including {@code to}, oldest first. */
    public Uni<List<DeviceActivation>> successes(String serial, Instant from, Instant to) {
        return NativeRows.select(SUCCESSES, serial, from, to).map(rows -> rows.stream()
                .map(ActivationAttemptRepository::toActivation)
                .toList());
    }

    /** Returns the device's last success at or before {@code at}, other than event {@code eventId}. */
    public Uni<Optional<DeviceActivation>> previousSuccess(String serial, String eventId, Instant at) {
        return NativeRows.select(PREVIOUS_SUCCESS, serial, eventId, at)
                .map(rows -> rows.stream().findFirst().map(ActivationAttemptRepository::toActivation));
    }

    /**
     * Counts the attempts of a line, or of one of its stations when {@code stationId} is not null: in the window
     * ({@code windowStart}, {@code at}] and in the baseline ({@code baselineStart}, {@code windowStart}].
     */
    public Uni<FailureCounts> failureCounts(
            String lineId, String stationId, Instant windowStart, Instant at, Instant baselineStart) {
        String counts = COUNTS + (stationId == null ? "" : STATION + "5");
        String top = TOP_RESULT + (stationId == null ? "" : STATION + "4")
                + " GROUP BY result ORDER BY count(*) DESC, result LIMIT 1";
        Object[] countParameters = stationId == null
                ? new Object[] {lineId, windowStart, at, baselineStart}
                : new Object[] {lineId, windowStart, at, baselineStart, stationId};
        Object[] topParameters = stationId == null
                ? new Object[] {lineId, windowStart, at}
                : new Object[] {lineId, windowStart, at, stationId};

        return NativeRows.select(counts, countParameters)
                .chain(rows -> NativeRows.select(top, topParameters).map(results -> {
                    Object[] row = rows.get(0);
                    String topResult = results.isEmpty() ? null : NativeRows.text(results.get(0)[0]);
                    return new FailureCounts(
                            NativeRows.longValue(row[0]),
                            NativeRows.longValue(row[1]),
                            NativeRows.longValue(row[2]),
                            NativeRows.longValue(row[3]),
                            NativeRows.longValue(row[4]),
                            topResult);
                }));
    }

    /** Deletes the attempts that no rule reads any more; returns how many. */
    public Uni<Integer> pruneOlderThan(long seconds) {
        return NativeRows.execute(PRUNE, seconds);
    }

    private static DeviceActivation toActivation(Object[] row) {
        return new DeviceActivation(
                NativeRows.text(row[0]),
                NativeRows.instant(row[1]),
                NativeRows.booleanValue(row[2]),
                NativeRows.text(row[3]));
    }
}
