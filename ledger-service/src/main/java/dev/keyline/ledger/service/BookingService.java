package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.Booking;
import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.domain.KeyMovement;
import dev.keyline.ledger.domain.KeyRef;
import dev.keyline.ledger.domain.KeyState;
import dev.keyline.ledger.domain.LedgerDecider;
import dev.keyline.ledger.repository.DeviceEntity;
import dev.keyline.ledger.repository.DeviceEventEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Books a batch of line-event records in one transaction: each event id at most once, invalid records to the
 * dead-letter topic through the outbox, one balance event per touched key. The caller commits Kafka offsets only
 * after the returned Uni succeeds, so a crash replays the batch and the event-id guard drops what was booked.
 */
@ApplicationScoped
public class BookingService {

    static final String CONSUMER = "ledger-service";
    private static final Logger LOG = Logger.getLogger(BookingService.class);
    private static final String MARK_PROCESSED = "INSERT INTO processed_events"
            + " (event_id, event_type, kafka_partition, kafka_offset) VALUES (?1, ?2, ?3, ?4)"
            + " ON CONFLICT (event_id) DO NOTHING";
    private static final String RECORD_DEAD_LETTER = "INSERT INTO dead_letters (topic, kafka_partition,"
            + " kafka_offset, reason) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";

    private final EventCodec codec;
    private final JournalWriter journal;
    private final LedgerEvents events;
    private final Outbox outbox;

    public BookingService(EventCodec codec, JournalWriter journal, LedgerEvents events, Outbox outbox) {
        this.codec = codec;
        this.journal = journal;
        this.events = events;
        this.outbox = outbox;
    }

    public Uni<BatchResult> book(List<IncomingRecord> records) {
        List<Decoded> decoded = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (IncomingRecord record : records) {
            DecodeResult result = codec.decode(record.value());
            if (result instanceof DecodeResult.Decoded ok && ok.event().data() instanceof LineEvent) {
                decoded.add(new Decoded(record, ok.event()));
            } else {
                String reason = result instanceof DecodeResult.Rejected no
                        ? no.reason()
                        : "event type is not a line event and does not belong on " + record.topic();
                rejected.add(new Rejected(record, reason));
            }
        }

        return Panache.withTransaction(() -> ProductKeyEntity.<ProductKeyEntity>listAll()
                .chain(keys -> {
                    BatchState state = new BatchState(new KeyDirectory(keys));
                    return Multi.createFrom()
                            .iterable(decoded)
                            .onItem()
                            .transformToUniAndConcatenate(event -> bookOne(event, state))
                            .collect()
                            .last()
                            .replaceWith(state);
                })
                .call(state -> deadLetter(rejected))
                .call(state -> outbox.append(state.outgoing(events)))
                .map(state -> new BatchResult(state.booked, state.duplicates, rejected.size())));
    }

    private Uni<Void> bookOne(Decoded decoded, BatchState state) {
        CloudEvent<?> event = decoded.event();
        LineEvent data = (LineEvent) event.data();
        IncomingRecord record = decoded.record();

        return Panache.getSession()
                .chain(session -> session.createNativeQuery(MARK_PROCESSED)
                        .setParameter(1, event.id())
                        .setParameter(2, event.type().type())
                        .setParameter(3, record.partition())
                        .setParameter(4, record.offset())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        state.duplicates++;
                        LOG.debugf("event %s at %s was booked before; skipped", event.id(), record.position());
                        return Uni.createFrom().voidItem();
                    }
                    state.booked++;
                    return DeviceEntity.<DeviceEntity>findById(event.subject())
                            .chain(device -> apply(event, data, device, state));
                });
    }

    private Uni<Void> apply(CloudEvent<?> event, LineEvent data, DeviceEntity device, BatchState state) {
        KeyRef key = state.keys.resolve(keyIdOf(data), partialKeyOf(data));
        Booking booking = LedgerDecider.decide(data, event.time(), device == null ? null : device.state(), key);

        Uni<Void> deviceWrite = Uni.createFrom().voidItem();
        if (booking.device() != null && device == null) {
            DeviceEntity created = new DeviceEntity();
            created.copyFrom(booking.device());
            deviceWrite = created.persist().replaceWithVoid();
        } else if (booking.device() != null) {
            device.copyFrom(booking.device());
        }

        if (booking.matched()) {
            DeviceState matched = booking.device();
            state.matched.add(
                    new ActivationMatched(matched.serial(), matched.keyId(), matched.partialKey(), event.id()));
            LOG.infof(
                    "provisioning of device %s (event %s) matched its earlier activation",
                    matched.serial(), event.id());
        }
        if (booking.unattributedReason() != null) {
            ActivationAttempted attempt = (ActivationAttempted) data;
            state.unattributed.add(new ActivationUnattributed(
                    attempt.serial(),
                    key == null ? null : key.keyId(),
                    key == null ? attempt.partialKey() : key.partialKey(),
                    attempt.lineId(),
                    attempt.stationId(),
                    booking.unattributedReason(),
                    event.id()));
            LOG.infof(
                    "activation of device %s (event %s) is unattributed: %s",
                    attempt.serial(), event.id(), booking.unattributedReason());
        }

        Uni<Void> chain = deviceWrite
                .chain(() -> history(event, data, key, booking).persist())
                .replaceWithVoid();
        markKeyState(event, data, key, device, state);
        for (KeyMovement movement : booking.movements()) {
            ProductKeyEntity keyEntity = state.keys.get(movement.keyId());
            keyEntity.committed += movement.committedDelta();
            keyEntity.consumed += movement.consumedDelta();
            keyEntity.unattributed += movement.unattributedDelta();
            state.touched.put(keyEntity.keyId, new Touch(keyEntity, event.id(), event.time()));
            chain = chain.call(() -> journal.append(
                            keyEntity,
                            event.id(),
                            movement.type(),
                            movement.serial(),
                            0,
                            movement.committedDelta(),
                            movement.consumedDelta(),
                            event.time()))
                    .replaceWithVoid();
        }
        return chain;
    }

    private static DeviceEventEntity history(CloudEvent<?> event, LineEvent data, KeyRef key, Booking booking) {
        DeviceEventEntity entry = new DeviceEventEntity();
        entry.serial = event.subject();
        entry.eventId = event.id();
        entry.eventType = event.type().type();
        entry.keyId = key != null
                ? key.keyId()
                : booking.device() == null ? null : booking.device().keyId();
        entry.lineId = data.lineId();
        entry.stationId = data.stationId();
        entry.occurredAt = event.time();
        entry.effect = booking.movements().stream()
                .map(movement -> movement.type().name())
                .collect(java.util.stream.Collectors.joining(","));
        entry.result = data instanceof ActivationAttempted attempt ? attempt.result() : null;
        String effect = entry.effect.toLowerCase(java.util.Locale.ROOT).replace(",", ", ");
        String what = data instanceof DeviceProvisioned provisioned
                ? "provisioned by " + provisioned.method().wireName()
                : data instanceof ActivationAttempted attempt
                        ? "activation by " + attempt.channel().wireName() + ": " + attempt.result()
                                + (Boolean.TRUE.equals(attempt.uwfEnabled()) ? ", UWF on" : "")
                        : "key exposure reported";
        entry.detail = effect.isEmpty() ? what : what + " (" + effect + ")";
        return entry;
    }

    /** Marks a key exhausted or blocked when an activation failure proves it; one finding per key, not per device. */
    private static void markKeyState(
            CloudEvent<?> event, LineEvent data, KeyRef key, DeviceEntity device, BatchState state) {
        if (!(data instanceof ActivationAttempted attempt) || attempt.succeeded()) {
            return;
        }
        String keyId = key != null ? key.keyId() : device == null ? null : device.keyId;
        ProductKeyEntity keyEntity = keyId == null ? null : state.keys.get(keyId);
        KeyState proven = KeyState.provenBy(attempt.result()).orElse(null);
        if (keyEntity == null || proven == null || proven.wireName().equals(keyEntity.state)) {
            return;
        }
        keyEntity.state = proven.wireName();
        keyEntity.stateReason = "activation of " + attempt.serial() + " failed with " + attempt.result();
        state.touched.put(keyEntity.keyId, new Touch(keyEntity, event.id(), event.time()));
        LOG.warnf("key %s is %s: %s (event %s)", keyId, keyEntity.state, keyEntity.stateReason, event.id());
    }

    private Uni<Void> deadLetter(List<Rejected> rejected) {
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
        return Panache.getSession()
                .chain(session -> Multi.createFrom()
                        .iterable(rejected)
                        .onItem()
                        .transformToUniAndConcatenate(item -> session.createNativeQuery(RECORD_DEAD_LETTER)
                                .setParameter(1, item.record().topic())
                                .setParameter(2, item.record().partition())
                                .setParameter(3, item.record().offset())
                                .setParameter(4, dev.keyline.schemas.keys.KeyRedactor.maskAll(item.reason()))
                                .executeUpdate())
                        .collect()
                        .last())
                .chain(() -> outbox.append(messages));
    }

    private static String keyIdOf(LineEvent data) {
        if (data instanceof DeviceProvisioned provisioned) {
            return provisioned.keyId();
        }
        if (data instanceof ActivationAttempted attempt) {
            return attempt.keyId();
        }
        return null;
    }

    private static String partialKeyOf(LineEvent data) {
        if (data instanceof DeviceProvisioned provisioned) {
            return provisioned.partialKey();
        }
        if (data instanceof ActivationAttempted attempt) {
            return attempt.partialKey();
        }
        return null;
    }

    private record Decoded(IncomingRecord record, CloudEvent<?> event) {}

    private record Rejected(IncomingRecord record, String reason) {}

    private record Touch(ProductKeyEntity key, String lastEventId, Instant lastEventTime) {}

    /** What one batch has booked so far, and what it will publish when it commits. */
    private static final class BatchState {
        final KeyDirectory keys;
        final Map<String, Touch> touched = new LinkedHashMap<>();
        final List<ActivationUnattributed> unattributed = new ArrayList<>();
        final List<ActivationMatched> matched = new ArrayList<>();
        int booked;
        int duplicates;

        BatchState(KeyDirectory keys) {
            this.keys = keys;
        }

        List<OutboxMessage> outgoing(LedgerEvents events) {
            List<OutboxMessage> messages = new ArrayList<>();
            for (Touch touch : touched.values()) {
                messages.add(events.balanceChanged(touch.key(), touch.lastEventId(), touch.lastEventTime()));
            }
            for (ActivationUnattributed finding : unattributed) {
                String recordKey = finding.keyId() != null ? finding.keyId() : finding.serial();
                messages.add(events.message(recordKey, finding.serial(), Instant.now(), finding));
            }
            for (ActivationMatched match : matched) {
                messages.add(events.message(match.keyId(), match.serial(), Instant.now(), match));
            }
            return messages;
        }
    }
}
