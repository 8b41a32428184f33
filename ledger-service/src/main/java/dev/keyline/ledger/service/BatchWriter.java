package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.repository.DeviceEventEntity;
import dev.keyline.ledger.service.MultiRowInsert.Column;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes one batch's rows with a few multi-row statements instead of one or more round trips per event: the
 * processed-event guard, the devices, the device history and the journal.
 *
 * <p>NOTE: the column lists repeat the mappings of {@code DeviceEntity} and {@code DeviceEventEntity}, so a column
 * added to those entities must be added here too.
 */
final class BatchWriter {

    private static final String TEXT = "text";
    private static final String TIME = "timestamptz";

    private static final MultiRowInsert PROCESSED = new MultiRowInsert(
            "processed_events",
            List.of(
                    new Column("event_id", TEXT),
                    new Column("event_type", TEXT),
                    new Column("kafka_partition", "int"),
                    new Column("kafka_offset", "bigint")),
            "ON CONFLICT (event_id) DO NOTHING RETURNING event_id");

    private static final List<String> DEVICE_COLUMNS = List.of(
            "key_id",
            "partial_key",
            "line_id",
            "station_id",
            "method",
            "status",
            "activation_attempts",
            "successful_activations",
            "last_result",
            "provisioned_at",
            "activated_at",
            "hardware_hash",
            "uwf_enabled",
            "reactivations");

    private static final MultiRowInsert DEVICES = new MultiRowInsert(
            "devices",
            List.of(
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
                    new Column("reactivations", "int")),
            "ON CONFLICT (serial) DO UPDATE SET "
                    + String.join(
                            ", ",
                            DEVICE_COLUMNS.stream()
                                    .map(column -> column + " = EXCLUDED." + column)
                                    .toList()));

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

    private BatchWriter() {}

    /**
     * Locks the registered keys that the batch names by key id or partial key. Locking in key id order makes two
     * ledgers that need the same keys wait for each other instead of deadlocking. A ledger that still books a partition it just lost to another one holds these locks until it
     * commits, so the other books after it, reads its counts and chain heads, and skips its events as repeats.
     */
    static Uni<Void> lockKeys(Mutiny.Session session, Set<String> keyIds, Set<String> partialKeys) {
        if (keyIds.isEmpty() && partialKeys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> values = new ArrayList<>(keyIds);
        values.addAll(partialKeys);
        String sql = "SELECT key_id FROM product_keys WHERE key_id IN (" + placeholders(1, keyIds.size())
                + ") OR partial_key IN (" + placeholders(keyIds.size() + 1, partialKeys.size())
                + ") ORDER BY key_id FOR UPDATE";
        Mutiny.SelectionQuery<String> query = session.createNativeQuery(sql, String.class);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.getResultList().replaceWithVoid();
    }

    /** Returns {@code CAST(?first AS text), ...} for {@code count} parameters, or {@code NULL}, which matches none. */
    private static String placeholders(int first, int count) {
        if (count == 0) {
            return "NULL";
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ", ").append("CAST(?").append(first + i).append(" AS text)");
        }
        return list.toString();
    }

    /**
     * Records each event id as processed and returns the ids that were new. The insert waits for a concurrent
     * transaction that inserted the same id, so an id is new in exactly one transaction.
     */
    static Uni<Set<String>> markProcessed(Mutiny.Session session, Collection<IncomingEvent> events) {
        return PROCESSED
                .returning(session, List.copyOf(events), event -> new Object[] {
                    event.event().id(),
                    event.event().type().type(),
                    event.record().partition(),
                    event.record().offset()
                })
                .map(HashSet::new);
    }

    /** Inserts or updates each device to its state at the end of the batch. */
    static Uni<Void> writeDevices(Mutiny.Session session, Collection<DeviceState> devices) {
        return DEVICES.execute(session, List.copyOf(devices), device -> new Object[] {
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
        });
    }

    /** Appends the batch's device history in booking order. */
    static Uni<Void> writeDeviceEvents(Mutiny.Session session, List<DeviceEventEntity> entries) {
        return DEVICE_EVENTS.execute(session, entries, entry -> new Object[] {
            entry.serial,
            entry.eventId,
            entry.eventType,
            entry.keyId,
            entry.lineId,
            entry.stationId,
            entry.detail,
            entry.effect,
            entry.result,
            entry.occurredAt
        });
    }

    /**
     * Appends the batch's journal entries in booking order. One statement assigns {@code seq} in row order, so each
     * key's entries keep their chain order.
     */
    static Uni<Void> writeJournal(Mutiny.Session session, List<NewJournalEntry> entries) {
        return JOURNAL.execute(session, entries, entry -> new Object[] {
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
