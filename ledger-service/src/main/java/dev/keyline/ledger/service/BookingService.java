package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.repository.DeviceEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.keys.KeyRedactor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.FlushMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Books a batch of line-event records in one transaction: each event id at most once, invalid records to the
 * dead-letter topic through the outbox, one balance event per touched key. The caller commits Kafka offsets only
 * after the returned Uni succeeds, so a crash replays the batch and the event-id guard drops what was booked.
 *
 * <p>A batch costs a handful of statements whatever its size: lock the keys it names, record its event ids as
 * processed (returning the new ones), load its devices, book the new events in memory with the pure booking rules,
 * then write devices, device history and journal entries with one multi-row statement each. Each touched key is
 * updated once, when the transaction commits.
 */
@ApplicationScoped
public class BookingService {

    static final String CONSUMER = "ledger-service";
    private static final Logger LOG = Logger.getLogger(BookingService.class);
    private static final String RECORD_DEAD_LETTER = "INSERT INTO dead_letters (topic, kafka_partition,"
            + " kafka_offset, reason) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";

    private final EventCodec codec;
    private final LedgerEvents events;
    private final Outbox outbox;

    public BookingService(EventCodec codec, LedgerEvents events, Outbox outbox) {
        this.codec = codec;
        this.events = events;
        this.outbox = outbox;
    }

    public Uni<BatchResult> book(List<IncomingRecord> records) {
        List<IncomingEvent> decoded = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (IncomingRecord record : records) {
            DecodeResult result = codec.decode(record.value());
            if (result instanceof DecodeResult.Decoded ok && ok.event().data() instanceof LineEvent) {
                decoded.add(new IncomingEvent(record, ok.event()));
            } else {
                String reason = result instanceof DecodeResult.Rejected no
                        ? no.reason()
                        : "event type is not a line event and does not belong on " + record.topic();
                rejected.add(new Rejected(record, reason));
            }
        }
        Map<String, IncomingEvent> firstById = new LinkedHashMap<>();
        decoded.forEach(event -> firstById.putIfAbsent(event.event().id(), event));
        int repeatsInBatch = decoded.size() - firstById.size();

        return Panache.withTransaction(
                        () -> Panache.getSession().chain(session -> bookEvents(session, List.copyOf(firstById.values()))
                                .call(() -> deadLetter(session, rejected))
                                .map(booked -> new BatchResult(booked, decoded.size() - booked, rejected.size()))))
                .invoke(result -> {
                    if (repeatsInBatch > 0) {
                        LOG.debugf("%d events appeared twice in one batch; booked once", repeatsInBatch);
                    }
                });
    }

    /** Books the batch's distinct events and returns how many were new. */
    private Uni<Integer> bookEvents(Mutiny.Session session, List<IncomingEvent> batch) {
        // Every write below is an explicit statement or a change to a locked key. The session therefore needs no
        // flush before each query, and the keys' changes are flushed once, at commit.
        session.setFlushMode(FlushMode.COMMIT);
        Set<String> keyIds = new HashSet<>();
        Set<String> partialKeys = new HashSet<>();
        for (IncomingEvent event : batch) {
            addIfPresent(keyIds, BatchLedger.keyIdOf(event.data()));
            addIfPresent(partialKeys, BatchLedger.partialKeyOf(event.data()));
        }

        return BatchWriter.lockKeys(session, keyIds, partialKeys)
                .chain(() -> ProductKeyEntity.<ProductKeyEntity>listAll())
                .chain(keys -> BatchWriter.markProcessed(session, batch).chain(newIds -> {
                    List<IncomingEvent> fresh = batch.stream()
                            .filter(event -> newIds.contains(event.event().id()))
                            .toList();
                    logRepeats(batch, newIds);
                    return loadDevices(fresh)
                            .map(devices -> bookInMemory(new BatchLedger(new KeyDirectory(keys), devices), fresh))
                            .call(ledger -> BatchWriter.writeDevices(session, ledger.changedDevices()))
                            .call(ledger -> BatchWriter.writeDeviceEvents(session, ledger.history()))
                            .call(ledger -> BatchWriter.writeJournal(session, ledger.journal()))
                            .call(ledger -> outbox.append(ledger.outgoing(events)))
                            .replaceWith(fresh.size());
                }));
    }

    private static BatchLedger bookInMemory(BatchLedger ledger, List<IncomingEvent> fresh) {
        for (IncomingEvent event : fresh) {
            ledger.book(event.event(), event.data());
        }
        return ledger;
    }

    /** Loads the stored state of every device the events name, by serial, with one query. */
    private static Uni<Map<String, DeviceState>> loadDevices(List<IncomingEvent> fresh) {
        Set<String> serials = new HashSet<>();
        fresh.forEach(event -> serials.add(event.event().subject()));
        if (serials.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return DeviceEntity.<DeviceEntity>list("serial in ?1", serials).map(found -> {
            Map<String, DeviceState> devices = new HashMap<>();
            found.forEach(device -> devices.put(device.serial, device.state()));
            return devices;
        });
    }

    private static void logRepeats(List<IncomingEvent> batch, Set<String> newIds) {
        for (IncomingEvent event : batch) {
            if (!newIds.contains(event.event().id())) {
                LOG.debugf(
                        "event %s at %s was booked before; skipped",
                        event.event().id(), event.record().position());
            }
        }
    }

    private Uni<Void> deadLetter(Mutiny.Session session, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OutboxMessage> messages = new ArrayList<>();
        for (Rejected item : rejected) {
            IncomingRecord record = item.record();
            LOG.warnf(
                    "dead-lettering record at %s (topic %s, partition %d, offset %d): %s",
                    record.position(), record.topic(), record.partition(), record.offset(), item.reason());
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
        return Multi.createFrom()
                .iterable(rejected)
                .onItem()
                .transformToUniAndConcatenate(item -> session.createNativeQuery(RECORD_DEAD_LETTER)
                        .setParameter(1, item.record().topic())
                        .setParameter(2, item.record().partition())
                        .setParameter(3, item.record().offset())
                        .setParameter(4, KeyRedactor.maskAll(item.reason()))
                        .executeUpdate())
                .collect()
                .last()
                .chain(() -> outbox.append(messages));
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private record Rejected(IncomingRecord record, String reason) {}
}
