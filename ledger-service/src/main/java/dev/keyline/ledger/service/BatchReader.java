package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.domain.DeviceStatus;
import dev.keyline.ledger.repository.ProductKeyEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what one booking batch needs on the batch's connection: it locks the keys the batch names, then loads the
 * registered keys, the batch's devices and, when asked, which of the batch's events were booked before, one
 * statement each.
 *
 * <p>NOTE: the column lists repeat the mappings of {@code ProductKeyEntity} and {@code DeviceEntity}, so a column
 * added to those entities must be added here too.
 */
final class BatchReader {

    private static final String LOCK_KEYS = "SELECT key_id FROM product_keys"
            + " WHERE key_id = ANY($1::text[]) OR partial_key = ANY($2::text[]) ORDER BY key_id FOR UPDATE";

    private static final String LOAD_KEYS = "SELECT key_id, fingerprint, partial_key, allotment, committed, consumed,"
            + " unattributed, chain_head, registered_at, state, state_reason, reported_remaining, reported_at,"
            + " reported_allotment, reported_consumed, balance_version FROM product_keys";

    private static final String LOAD_DEVICES = "SELECT serial, key_id, partial_key, line_id, station_id, method,"
            + " status, activation_attempts, successful_activations, last_result, provisioned_at, activated_at,"
            + " hardware_hash, uwf_enabled, reactivations FROM devices WHERE serial = ANY($1::text[])"
            + " ORDER BY serial FOR UPDATE";

    private static final String BOOKED_BEFORE = "SELECT event_id FROM device_events WHERE event_id = ANY($1::text[])";

    private BatchReader() {}

    /**
     * Locks the registered keys that the batch names by key id or partial key and returns their ids. Locking in key id
     * order makes two ledgers that need the same keys wait for each other instead of deadlocking. A ledger that still
     * books a partition it just lost to another one holds these locks until it commits, so the other books after it,
     * reads its counts and chain heads, and skips its events as repeats.
     */
    static Uni<Set<String>> lockKeys(
            SqlConnection connection, Collection<String> keyIds, Collection<String> partialKeys) {
        if (keyIds.isEmpty() && partialKeys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Tuple parameters = Tuple.of(keyIds.toArray(String[]::new), partialKeys.toArray(String[]::new));
        return connection.preparedQuery(LOCK_KEYS).execute(parameters).map(BatchReader::firstColumn);
    }

    /**
     * Loads every registered key. The returned entities are plain holders, not attached to a Hibernate session: the
     * booking moves their counts and chain heads in memory and {@link BatchWriter#updateKeys} writes them back.
     */
    static Uni<List<ProductKeyEntity>> loadKeys(SqlConnection connection) {
        return connection.query(LOAD_KEYS).execute().map(rows -> {
            List<ProductKeyEntity> keys = new ArrayList<>(rows.size());
            for (Row row : rows) {
                keys.add(key(row));
            }
            return keys;
        });
    }

    /**
     * Returns which of these event ids were booked before. Every booked event has one {@code device_events} row, and
     * its {@code event_id} is unique. Call it after {@link #lockKeys}: a batch naming the same keys then reads what a
     * concurrent ledger committed. Booking calls it only for a batch whose first attempt failed on that unique index
     * (see {@code BookingService}). Two batches that share no key and book the same event at the same moment both
     * insert its history row. The second waits for the first to commit, fails on the unique index, and is booked
     * again with this check, which then skips the event.
     */
    static Uni<Set<String>> bookedBefore(SqlConnection connection, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return connection
                .preparedQuery(BOOKED_BEFORE)
                .execute(Tuple.of(eventIds.toArray(String[]::new)))
                .map(BatchReader::firstColumn);
    }

    /**
     * Locks and loads the stored devices with these serials; serials the ledger never saw are absent. The row locks,
     * taken in serial order, make a batch that changes the same device wait and then read this batch's result. This
     * matters for a device without a key, which has no key lock to order such batches.
     */
    static Uni<Map<String, DeviceState>> loadDevices(SqlConnection connection, Collection<String> serials) {
        if (serials.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection
                .preparedQuery(LOAD_DEVICES)
                .execute(Tuple.of(serials.toArray(String[]::new)))
                .map(BatchReader::devices);
    }

    private static Set<String> firstColumn(RowSet<Row> rows) {
        Set<String> values = new HashSet<>();
        for (Row row : rows) {
            values.add(row.getString(0));
        }
        return values;
    }

    private static Map<String, DeviceState> devices(RowSet<Row> rows) {
        Map<String, DeviceState> devices = new HashMap<>();
        for (Row row : rows) {
            DeviceState device = new DeviceState(
                    row.getString("serial"),
                    row.getString("key_id"),
                    row.getString("partial_key"),
                    row.getString("line_id"),
                    row.getString("station_id"),
                    row.getString("method"),
                    DeviceStatus.valueOf(row.getString("status")),
                    row.getInteger("activation_attempts"),
                    row.getInteger("successful_activations"),
                    row.getString("last_result"),
                    instant(row.getOffsetDateTime("provisioned_at")),
                    instant(row.getOffsetDateTime("activated_at")),
                    row.getString("hardware_hash"),
                    row.getBoolean("uwf_enabled"),
                    row.getInteger("reactivations"));
            devices.put(device.serial(), device);
        }
        return devices;
    }

    private static ProductKeyEntity key(Row row) {
        ProductKeyEntity key = new ProductKeyEntity();
        key.keyId = row.getString("key_id");
        key.fingerprint = row.getString("fingerprint");
        key.partialKey = row.getString("partial_key");
        key.allotment = row.getLong("allotment");
        key.committed = row.getLong("committed");
        key.consumed = row.getLong("consumed");
        key.unattributed = row.getLong("unattributed");
        key.chainHead = row.getString("chain_head");
        key.registeredAt = instant(row.getOffsetDateTime("registered_at"));
        key.state = row.getString("state");
        key.stateReason = row.getString("state_reason");
        key.reportedRemaining = row.getLong("reported_remaining");
        key.reportedAt = instant(row.getOffsetDateTime("reported_at"));
        key.reportedAllotment = row.getLong("reported_allotment");
        key.reportedConsumed = row.getLong("reported_consumed");
        key.balanceVersion = row.getLong("balance_version");
        return key;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
