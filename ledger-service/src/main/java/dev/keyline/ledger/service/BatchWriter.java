package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.ledger.service.MultiRowInsert.Column;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import java.util.List;

/**
 * Writes one batch's rows with a few multi-row statements instead of one or more round trips per event: the
 * devices, the device history, the journal, the touched keys, the dead letters and the progress per partition.
 *
 * <p>NOTE: the column lists repeat the mappings of {@code DeviceEntity} and {@code DeviceEventEntity}, which
 * {@code NewDeviceEvent} mirrors, so a column added to those entities must be added here and to the record too.
 */
final class BatchWriter {

    private static final String TEXT = "text";
    private static final String TIME = "timestamptz";

    private static final List<Column> DEVICE_COLUMNS = List.of(
            new Column("serial", TEXT),
            new Column("key_id", TEXT),
            new Column("partial_key", TEXT),
            new Column("line_id", TEXT),
            new Column("station_id", TEXT),
            new Column("method", TEXT),
            new Column("status", TEXT),
            new Column("activation_attempts", "int"),
            new Column("successful_activations", "int"),
            new Column("last_result", TEXT),
            new Column("provisioned_at", TIME),
            new Column("activated_at", TIME),
            new Column("hardware_hash", TEXT),
            new Column("uwf_enabled", "boolean"),
            new Column("reactivations", "int"));

    /**
     * A plain insert, not an upsert: a device that another batch stored after this one loaded its devices fails the
     * batch on the primary key, and the retried batch books against that device instead of overwriting it.
     */
    private static final MultiRowInsert NEW_DEVICES = new MultiRowInsert("devices", DEVICE_COLUMNS, "");

    private static final MultiRowUpdate STORED_DEVICES = new MultiRowUpdate("devices", DEVICE_COLUMNS);

    private static final MultiRowInsert DEVICE_EVENTS = new MultiRowInsert(
            "device_events",
            List.of(
                    new Column("serial", TEXT),
                    new Column("event_id", TEXT),
                    new Column("event_type", TEXT),
                    new Column("key_id", TEXT),
                    new Column("line_id", TEXT),
                    new Column("station_id", TEXT),
                    new Column("detail", TEXT),
                    new Column("effect", TEXT),
                    new Column("result", TEXT),
                    new Column("occurred_at", TIME)),
            "");

    private static final MultiRowInsert JOURNAL = new MultiRowInsert(
            "journal",
            List.of(
                    new Column("key_id", TEXT),
                    new Column("event_id", TEXT),
                    new Column("entry_type", TEXT),
                    new Column("serial", TEXT),
                    new Column("allotment_delta", "bigint"),
                    new Column("committed_delta", "int"),
                    new Column("consumed_delta", "int"),
                    new Column("occurred_at", TIME),
                    new Column("prev_hash", TEXT),
                    new Column("hash", TEXT)),
            "");

    private static final MultiRowInsert DEAD_LETTERS = new MultiRowInsert(
            "dead_letters",
            List.of(
                    new Column("topic", TEXT),
                    new Column("kafka_partition", "int"),
                    new Column("kafka_offset", "bigint"),
                    new Column("reason", TEXT)),
            "ON CONFLICT DO NOTHING");

    /**
     * Writes back what booking changes on a key: its counts, chain head and state, and the consumption up to its
     * newest reading, but never its allotment or the reading itself.
     */
    private static final String UPDATE_KEYS = "UPDATE product_keys AS k SET committed = u.committed,"
            + " consumed = u.consumed, unattributed = u.unattributed, chain_head = u.chain_head, state = u.state,"
            + " state_reason = u.state_reason, balance_version = u.balance_version,"
            + " reported_consumed = u.reported_consumed FROM unnest($1::text[], $2::bigint[], $3::bigint[],"
            + " $4::bigint[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[]) AS u (key_id, committed,"
            + " consumed, unattributed, chain_head, state, state_reason, balance_version, reported_consumed)"
            + " WHERE k.key_id = u.key_id";

    /** Adds a batch's booked count per partition and moves its last offset forward, never back. */
    private static final MultiRowInsert PROGRESS = new MultiRowInsert(
            "booking_progress",
            List.of(
                    new Column("topic", TEXT),
                    new Column("kafka_partition", "int"),
                    new Column("booked", "bigint"),
                    new Column("last_offset", "bigint")),
            "ON CONFLICT (topic, kafka_partition) DO UPDATE SET booked = booking_progress.booked + EXCLUDED.booked,"
                    + " last_offset = greatest(booking_progress.last_offset, EXCLUDED.last_offset),"
                    + " updated_at = now()");

    private BatchWriter() {}

    /** Writes the touched keys' counts, chain heads, states and balance versions, one statement for all of them. */
    static Uni<Void> updateKeys(SqlConnection connection, Collection<ProductKeyEntity> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = keys.size();
        String[] ids = new String[size];
        Long[] committed = new Long[size];
        Long[] consumed = new Long[size];
        Long[] unattributed = new Long[size];
        String[] chainHeads = new String[size];
        String[] states = new String[size];
        String[] reasons = new String[size];
        Long[] versions = new Long[size];
        Long[] reportedConsumed = new Long[size];
        int i = 0;
        for (ProductKeyEntity key : keys) {
            ids[i] = key.keyId;
            committed[i] = key.committed;
            consumed[i] = key.consumed;
            unattributed[i] = key.unattributed;
            chainHeads[i] = key.chainHead;
            states[i] = key.state;
            reasons[i] = key.stateReason;
            versions[i] = key.balanceVersion;
            reportedConsumed[i] = key.reportedConsumed;
            i++;
        }
        Tuple parameters = Tuple.tuple(List.of(
                ids, committed, consumed, unattributed, chainHeads, states, reasons, versions, reportedConsumed));
        return connection.preparedQuery(UPDATE_KEYS).execute(parameters).replaceWithVoid();
    }

    /** Records how far the batch got on each of its partitions. */
    static Uni<Void> recordProgress(SqlConnection connection, List<PartitionProgress> progress) {
        return PROGRESS.execute(connection, progress, partition ->
                new Object[] {partition.topic(), partition.partition(), partition.booked(), partition.lastOffset()});
    }

    /** Records where each rejected record was and why, once per topic, partition and offset. */
    static Uni<Void> recordDeadLetters(SqlConnection connection, List<DeadLetter> deadLetters) {
        return DEAD_LETTERS.execute(connection, deadLetters, letter -> new Object[] {
            letter.record().topic(),
            letter.record().partition(),
            letter.record().offset(),
            letter.reason()
        });
    }

    /** Inserts the devices this batch booked first, each in its state at the end of the batch. */
    static Uni<Void> insertDevices(SqlConnection connection, List<DeviceState> devices) {
        return NEW_DEVICES.execute(connection, devices, BatchWriter::deviceRow);
    }

    /** Updates the devices this batch loaded to their state at the end of the batch. */
    static Uni<Void> updateDevices(SqlConnection connection, List<DeviceState> devices) {
        return STORED_DEVICES.execute(connection, devices, BatchWriter::deviceRow);
    }

    private static Object[] deviceRow(DeviceState device) {
        return new Object[] {
            device.serial(),
            device.keyId(),
            device.partialKey(),
            device.lineId(),
            device.stationId(),
            device.method(),
            device.status().name(),
            device.activationAttempts(),
            device.successfulActivations(),
            device.lastResult(),
            device.provisionedAt(),
            device.activatedAt(),
            device.hardwareHash(),
            device.uwfEnabled(),
            device.reactivations()
        };
    }

    /**
     * Appends the batch's device history in booking order: one row per booked event. Its unique {@code event_id}
     * is the guard against booking an event twice: an event booked before fails the statement and the batch's
     * transaction (see {@code BookingService}).
     */
    static Uni<Void> writeDeviceEvents(SqlConnection connection, List<NewDeviceEvent> entries) {
        return DEVICE_EVENTS.execute(connection, entries, entry -> new Object[] {
            entry.serial(),
            entry.eventId(),
            entry.eventType(),
            entry.keyId(),
            entry.lineId(),
            entry.stationId(),
            entry.detail(),
            entry.effect(),
            entry.result(),
            entry.occurredAt()
        });
    }

    /**
     * Appends the batch's journal entries in booking order. One statement assigns {@code seq} in row order, so each
     * key's entries keep their chain order.
     */
    static Uni<Void> writeJournal(SqlConnection connection, List<NewJournalEntry> entries) {
        return JOURNAL.execute(connection, entries, entry -> new Object[] {
            entry.keyId(),
            entry.eventId(),
            entry.type().name(),
            entry.serial(),
            0L,
            entry.committedDelta(),
            entry.consumedDelta(),
            entry.occurredAt(),
            entry.prevHash(),
            entry.hash()
        });
    }
}
