package dev.keyline.ledger.it;

import dev.keyline.ledger.domain.Booking;
import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.domain.KeyBalance;
import dev.keyline.ledger.domain.KeyMovement;
import dev.keyline.ledger.domain.KeyRef;
import dev.keyline.ledger.domain.KeyResolution;
import dev.keyline.ledger.domain.LedgerDecider;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Books every record of {@code keyline.line-events} with the pure {@link LedgerDecider}, the way the ledger does: in
 * offset order per partition, each event id once, the key resolved by {@link KeyResolution}. The result is what a full
 * recompute of the books from the topic gives.
 *
 * <p>Partitions are booked one after the other. That gives the ledger's result only while each device's events stay
 * in one partition, which holds when events are keyed by key id and no device moves to another key.
 */
public final class TopicRecompute {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, KeyBalance> balances = new HashMap<>();
    private final Map<String, Integer> journalEntries = new HashMap<>();
    private final Map<String, DeviceState> devices = new HashMap<>();
    private final Set<String> booked = new HashSet<>();
    private final EventCodec codec = new EventCodec();
    private int records;

    private TopicRecompute(List<KeyBalance> registered) {
        for (KeyBalance key : registered) {
            balances.put(key.keyId(), key);
            journalEntries.put(key.keyId(), 1);
        }
    }

    /** Reads the whole topic and books it onto {@code registered}, the keys as they stood after registration. */
    public static TopicRecompute of(String bootstrapServers, List<KeyBalance> registered) {
        TopicRecompute recompute = new TopicRecompute(registered);
        for (List<ConsumerRecord<String, String>> partition : readAll(bootstrapServers)) {
            partition.forEach(recompute::book);
        }
        return recompute;
    }

    /** Returns each key's balance after every event. */
    public Map<String, KeyBalance> balances() {
        return Map.copyOf(balances);
    }

    /** Returns each key's journal entry count: its registration plus one entry per key movement. */
    public Map<String, Integer> journalEntries() {
        return Map.copyOf(journalEntries);
    }

    /** Returns the number of distinct event ids booked, which the ledger reports as {@code lineEventsBooked}. */
    public int bookedEvents() {
        return booked.size();
    }

    /** Returns the number of records read. */
    public int records() {
        return records;
    }

    private void book(ConsumerRecord<String, String> record) {
        records++;
        if (!(codec.decode(record.value()) instanceof DecodeResult.Decoded decoded)
                || !(decoded.event().data() instanceof LineEvent data)) {
            return;
        }
        CloudEvent<?> event = decoded.event();
        if (!booked.add(event.id())) {
            return;
        }

        KeyRef key = resolve(data);
        Booking booking = LedgerDecider.decide(data, event.time(), devices.get(event.subject()), key);
        if (booking.device() != null) {
            devices.put(event.subject(), booking.device());
        }
        for (KeyMovement movement : booking.movements()) {
            balances.put(movement.keyId(), balances.get(movement.keyId()).apply(movement));
            journalEntries.merge(movement.keyId(), 1, Integer::sum);
        }
    }

    private KeyRef resolve(LineEvent data) {
        String keyId = null;
        String partialKey = null;
        if (data instanceof DeviceProvisioned provisioned) {
            keyId = provisioned.keyId();
            partialKey = provisioned.partialKey();
        } else if (data instanceof ActivationAttempted attempt) {
            keyId = attempt.keyId();
            partialKey = attempt.partialKey();
        }
        return KeyResolution.resolve(
                keyId,
                partialKey,
                id -> {
                    KeyBalance key = balances.get(id);
                    return key == null ? null : new KeyRef(key.keyId(), key.partialKey());
                },
                partial -> balances.values().stream()
                        .filter(key -> key.partialKey().equals(partial))
                        .map(key -> new KeyRef(key.keyId(), key.partialKey()))
                        .toList());
    }

    /**
     * Reads every partition from its start to its current end and returns the records per partition, in offset order.
     */
    private static List<List<ConsumerRecord<String, String>>> readAll(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("enable.auto.commit", "false");
        properties.put("max.poll.records", "5000");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LINE_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);

            Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
            partitions.forEach(partition -> byPartition.put(partition, new ArrayList<>()));
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!reachedEnd(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "reading " + Topics.LINE_EVENTS + " to its end offsets " + ends + " timed out");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(record -> byPartition
                        .get(new TopicPartition(record.topic(), record.partition()))
                        .add(record));
            }
            return partitions.stream().map(byPartition::get).toList();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
