package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.EventTime;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.keys.KeyRedactor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Books a batch of line-event records in one transaction: each event id at most once, invalid records to the
 * dead-letter topic through the outbox, one balance event per touched key. The caller commits Kafka offsets only
 * after the returned Uni succeeds, so a crash replays the batch and the event-id guard drops what was booked.
 *
 * <p>A batch costs a handful of statements whatever its size: lock the keys it names, load its devices, and book its
 * events in memory with the pure booking rules. Then it sends its writes together, one statement each: new devices,
 * stored devices, device history, journal entries, the touched keys and the outbox. A batch with an event that was
 * booked before, as after a crash or a rebalance, fails on the device history's unique event id. It is then booked
 * again in a new transaction that first looks up which of its events were booked before and leaves them out. It runs
 * on the reactive PostgreSQL client without Hibernate: this is the ledger's hot path, and Hibernate's statement
 * handling cost more CPU per batch than the booking itself.
 */
@ApplicationScoped
public class BookingService {

    static final String CONSUMER = "ledger-service";
    private static final String UNIQUE_VIOLATION = "23505";
    /** The unique index on {@code device_events.event_id}. That table has one row per booked event. */
    private static final String EVENT_ID_GUARD = "device_events_pkey";

    private static final Logger LOG = Logger.getLogger(BookingService.class);
    private static final Logger FINDINGS = Logger.getLogger(BatchLedger.class);

    private final EventCodec codec;
    private final LedgerEvents events;
    private final Outbox outbox;
    private final Pool pool;

    public BookingService(EventCodec codec, LedgerEvents events, Outbox outbox, Pool pool) {
        this.codec = codec;
        this.events = events;
        this.outbox = outbox;
        this.pool = pool;
    }

    public Uni<BatchResult> book(List<IncomingRecord> records) {
        List<IncomingEvent> decoded = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        Instant now = Instant.now();
        for (IncomingRecord record : records) {
            DecodeResult result = record.decoded() != null ? record.decoded() : codec.decode(record.value());
            Optional<String> reason = rejection(record, result, now);
            if (reason.isEmpty()) {
                decoded.add(IncomingEvent.of(record, ((DecodeResult.Decoded) result).event()));
            } else {
                DeadLetter letter = new DeadLetter(record, KeyRedactor.maskAll(reason.get()));
                LOG.warnf(
                        "dead-lettering record at %s (topic %s, partition %d, offset %d): %s",
                        record.position(), record.topic(), record.partition(), record.offset(), letter.reason());
                rejected.add(letter);
            }
        }
        Map<String, IncomingEvent> firstById = new LinkedHashMap<>();
        decoded.forEach(event -> firstById.putIfAbsent(event.event().id(), event));
        int repeatsInBatch = decoded.size() - firstById.size();
        if (repeatsInBatch > 0) {
            LOG.debugf("%d events appeared twice in one batch; booking them once", repeatsInBatch);
        }
        List<IncomingEvent> distinct = List.copyOf(firstById.values());

        return bookBatch(records, distinct, rejected, false)
                .onFailure(BookingService::isEventBookedBefore)
                .recoverWithUni(() -> {
                    LOG.infof(
                            "batch from %s to %s has events that were booked before; booking it again without them",
                            records.get(0).position(),
                            records.get(records.size() - 1).position());
                    return bookBatch(records, distinct, rejected, true);
                })
                .invoke(BookingService::logFindings)
                .map(BookedBatch::records)
                .map(booked -> new BatchResult(booked.size(), decoded.size() - booked.size(), rejected.size()));
    }

    /**
     * Books the batch in one transaction and returns what it booked. Without {@code checkRepeats} it books every event
     * as new, which saves a lookup of every event id. An event booked before then fails the transaction on the unique
     * {@code device_events} id, and the caller books the batch again with the check.
     */
    private Uni<BookedBatch> bookBatch(
            List<IncomingRecord> records,
            List<IncomingEvent> distinct,
            List<DeadLetter> rejected,
            boolean checkRepeats) {
        return pool.withTransaction(connection -> bookEvents(connection, distinct, checkRepeats)
                .call(() -> deadLetter(connection, rejected))
                .call(booked ->
                        BatchWriter.recordProgress(connection, PartitionProgress.of(records, booked.records()))));
    }

    /** Tells whether a failure is the insert of an event id that {@code device_events} has, so it was booked before. */
    static boolean isEventBookedBefore(Throwable failure) {
        return failure instanceof PgException problem
                && UNIQUE_VIOLATION.equals(problem.getSqlState())
                && EVENT_ID_GUARD.equals(problem.getConstraint());
    }

    /**
     * Returns why a record cannot be booked: it is no valid event, not a line event, or its time cannot be right by
     * {@code now}. One far-future time would date the key's balances and forecasts by it.
     */
    private static Optional<String> rejection(IncomingRecord record, DecodeResult result, Instant now) {
        if (result instanceof DecodeResult.Rejected no) {
            return Optional.of(no.reason());
        }
        CloudEvent<?> event = ((DecodeResult.Decoded) result).event();
        if (!(event.data() instanceof LineEvent)) {
            return Optional.of("event type is not a line event and does not belong on " + record.topic());
        }
        return EventTime.implausibility(event.time(), now);
    }

    /** Books the batch's distinct events and returns the records of those that were new, with the findings. */
    private Uni<BookedBatch> bookEvents(SqlConnection connection, List<IncomingEvent> batch, boolean checkRepeats) {
        Set<String> keyIds = new HashSet<>();
        Set<String> partialKeys = new HashSet<>();
        for (IncomingEvent event : batch) {
            addIfPresent(keyIds, BatchLedger.keyIdOf(event.data()));
            addIfPresent(partialKeys, BatchLedger.partialKeyOf(event.data()));
        }

        return BatchReader.lockKeys(connection, keyIds, partialKeys).chain(locked -> {
            Uni<Set<String>> bookedBefore = checkRepeats
                    ? BatchReader.bookedBefore(connection, eventIds(batch))
                    : Uni.createFrom().item(Set.of());
            return bookedBefore.chain(repeats -> bookFresh(connection, locked, batch, repeats));
        });
    }

    /** Books the events not booked before against their devices' stored state, then writes the outcome. */
    private Uni<BookedBatch> bookFresh(
            SqlConnection connection, Set<String> locked, List<IncomingEvent> batch, Set<String> bookedBefore) {
        logRepeats(batch, bookedBefore);
        List<IncomingEvent> fresh = batch.stream()
                .filter(event -> !bookedBefore.contains(event.event().id()))
                .toList();
        Set<String> serials = new HashSet<>();
        fresh.forEach(event -> serials.add(event.event().subject()));

        return loadDevicesUnderLocks(connection, serials, locked)
                .chain(devices -> BatchReader.loadKeys(connection)
                        .map(keys -> bookInMemory(new BatchLedger(new KeyDirectory(keys), devices), fresh)))
                .call(ledger -> write(connection, ledger))
                .map(ledger -> new BookedBatch(
                        fresh.stream().map(IncomingEvent::record).toList(), ledger.findings()));
    }

    /**
     * Locks and loads the devices, after locking the key each of them is committed to, besides the keys the events
     * name.
     * Booking can release a commitment on a device's earlier key or mark that key exhausted, and a batch of another
     * partition may be booking that key at the same moment. Devices are read again after each extra lock, because
     * their key may have changed before the lock was granted. Two batches that re-key devices in opposite directions
     * at the same moment can deadlock; PostgreSQL then aborts one, and its consumer retries the batch. When two
     * batches that share no key book a new device at the same moment, neither load finds it, so both insert it. The
     * second fails on the primary key once the first commits, and its retry loads the device and locks its key.
     */
    private static Uni<Map<String, DeviceState>> loadDevicesUnderLocks(
            SqlConnection connection, Set<String> serials, Set<String> locked) {
        return BatchReader.loadDevices(connection, serials).chain(devices -> {
            Set<String> unlocked = new TreeSet<>();
            for (DeviceState device : devices.values()) {
                if (device.keyId() != null && !locked.contains(device.keyId())) {
                    unlocked.add(device.keyId());
                }
            }
            if (unlocked.isEmpty()) {
                return Uni.createFrom().item(devices);
            }
            Set<String> nowLocked = new HashSet<>(locked);
            nowLocked.addAll(unlocked);
            return BatchReader.lockKeys(connection, unlocked, Set.of())
                    .chain(() -> loadDevicesUnderLocks(connection, serials, nowLocked));
        });
    }

    /**
     * Sends the batch's writes together. They touch different tables, so their order does not matter, and the
     * PostgreSQL client pipelines them on the connection instead of waiting for each result before sending the next.
     * The balance events are built first, because building them advances the balance versions the key update writes.
     */
    private Uni<Void> write(SqlConnection connection, BatchLedger ledger) {
        List<OutboxMessage> outgoing = ledger.outgoing(events);
        return Uni.combine()
                .all()
                .unis(
                        BatchWriter.insertDevices(connection, ledger.addedDevices()),
                        BatchWriter.updateDevices(connection, ledger.storedDevicesChanged()),
                        BatchWriter.writeDeviceEvents(connection, ledger.history()),
                        BatchWriter.writeJournal(connection, ledger.journal()),
                        BatchWriter.updateKeys(connection, ledger.touchedKeys()),
                        outbox.append(connection, outgoing))
                .discardItems();
    }

    /** Logs what a committed batch found, under the booking rules' category. */
    private static void logFindings(BookedBatch booked) {
        for (BookingFinding finding : booked.findings()) {
            FINDINGS.log(finding.level(), finding.message());
        }
    }

    private static BatchLedger bookInMemory(BatchLedger ledger, List<IncomingEvent> fresh) {
        for (IncomingEvent event : fresh) {
            ledger.book(event.event(), event.data());
        }
        return ledger;
    }

    private static List<String> eventIds(List<IncomingEvent> batch) {
        return batch.stream().map(event -> event.event().id()).toList();
    }

    private static void logRepeats(List<IncomingEvent> batch, Set<String> bookedBefore) {
        for (IncomingEvent event : batch) {
            if (bookedBefore.contains(event.event().id())) {
                LOG.debugf(
                        "event %s at %s was booked before; skipped",
                        event.event().id(), event.record().position());
            }
        }
    }

    /** Records the rejected records and queues them for the dead-letter topic; {@link #book} has logged each one. */
    private Uni<Void> deadLetter(SqlConnection connection, List<DeadLetter> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (DeadLetter item : rejected) {
            IncomingRecord record = item.record();
            messages.add(OutboxMessage.deadLetter(
                    Topics.LINE_EVENTS_DLQ,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    record.value(),
                    item.reason(),
                    CONSUMER));
        }
        return BatchWriter.recordDeadLetters(connection, rejected).chain(() -> outbox.append(connection, messages));
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
