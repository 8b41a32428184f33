package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any delivery order of each device's events within one installation on unchanged hardware, with any redeliveries,
 * must give the balances of a plain model. A device provisioned with its key consumed one activation of it when it has
 * a success, and has one commitment otherwise. A device provisioned with a key the ledger does not have, or never
 * provisioned, consumed one activation, unattributed, when it has a success and at least one of its attempts names the
 * key. Otherwise it consumed nothing. Attempts may name no key, as a station reports a success it cannot place.
 */
class DeliveryOrderPropertyTest {

    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final Map<String, KeyRef> KEYS =
            Map.of("KEY-A", new KeyRef("KEY-A", "7QX4M"), "KEY-B", new KeyRef("KEY-B", "H2K9D"));
    private static final List<String> RESULTS = List.of("success", "0xC004F074", "0x8007232B", "0xC004C001");
    /** A key that a provisioning names but the ledger does not have, such as one registered after the line started. */
    private static final KeyRef UNREGISTERED = new KeyRef("KEY-X", "3RT8W");

    /**
     * One device's history: its key, how it was provisioned, its hardware hash, and its activation attempts. A device
     * provisioned with an unregistered key reports its key in every attempt.
     */
    record DeviceHistory(String keyId, Provisioning provisioning, String hardwareHash, List<Attempt> attempts) {

        boolean activated() {
            return attempts.stream().anyMatch(attempt -> attempt.result().equals("success"));
        }

        boolean keyNamed() {
            return provisioning != Provisioning.NONE || attempts.stream().anyMatch(Attempt::namesKey);
        }

        boolean namesKey(Attempt attempt) {
            return provisioning == Provisioning.UNREGISTERED_KEY || attempt.namesKey();
        }
    }

    /** Whether a device's provisioning is reported, and with which key. */
    enum Provisioning {
        WITH_KEY,
        UNREGISTERED_KEY,
        NONE
    }

    /** One activation attempt: its result, and whether the station's report names the key. */
    record Attempt(String result, boolean namesKey) {}

    record Delivery(String eventId, LineEvent event) {}

    @Provide
    Arbitrary<DeviceHistory> histories() {
        Arbitrary<String> key = Arbitraries.of("KEY-A", "KEY-B");
        Arbitrary<String> hash = Arbitraries.of("hw-1", "hw-2").injectNull(0.3);
        Arbitrary<Provisioning> provisioned = Arbitraries.of(
                Provisioning.WITH_KEY, Provisioning.WITH_KEY, Provisioning.UNREGISTERED_KEY, Provisioning.NONE);
        Arbitrary<Attempt> attempt = Combinators.combine(Arbitraries.of(RESULTS), Arbitraries.of(true, true, false))
                .as(Attempt::new);
        Arbitrary<List<Attempt>> attempts = attempt.list().ofMaxSize(4);
        return Combinators.combine(key, provisioned, hash, attempts).as(DeviceHistory::new);
    }

    @Property(tries = 300)
    void anyOrderAndRedeliveryGiveModelBalances(
            @ForAll @Size(min = 1, max = 12) List<@From("histories") DeviceHistory> devices,
            @ForAll long shuffleSeed,
            @ForAll @IntRange(min = 0, max = 3) int redeliveriesPerEvent) {
        Random random = new Random(shuffleSeed);
        List<Delivery> deliveries = new ArrayList<>();
        for (int d = 0; d < devices.size(); d++) {
            List<Delivery> ofDevice = eventsOf("SN-" + d, devices.get(d));
            Collections.shuffle(ofDevice, random);
            deliveries.addAll(ofDevice);
        }
        List<Delivery> withRepeats = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            int copies = 1 + random.nextInt(redeliveriesPerEvent + 1);
            for (int i = 0; i < copies; i++) {
                withRepeats.add(delivery);
            }
        }

        Map<String, KeyBalance> booked = book(withRepeats);

        Map<String, KeyBalance> expected = model(devices);
        for (String keyId : KEYS.keySet()) {
            assertThat(booked.get(keyId)).as(keyId).isEqualTo(expected.get(keyId));
        }
    }

    private static List<Delivery> eventsOf(String serial, DeviceHistory history) {
        KeyRef key = KEYS.get(history.keyId());
        List<Delivery> events = new ArrayList<>();
        if (history.provisioning() != Provisioning.NONE) {
            KeyRef provisioned = history.provisioning() == Provisioning.WITH_KEY ? key : UNREGISTERED;
            events.add(new Delivery(
                    serial + "/provisioned",
                    new DeviceProvisioned(
                            serial,
                            "line-1",
                            "imaging-01",
                            provisioned.keyId(),
                            provisioned.partialKey(),
                            ProvisioningMethod.UNATTEND,
                            true,
                            null)));
        }
        for (int i = 0; i < history.attempts().size(); i++) {
            Attempt attempt = history.attempts().get(i);
            boolean namesKey = history.namesKey(attempt);
            events.add(new Delivery(
                    serial + "/attempt-" + i,
                    new ActivationAttempted(
                            serial,
                            "line-1",
                            "activation-01",
                            namesKey ? key.keyId() : null,
                            namesKey ? key.partialKey() : null,
                            ActivationChannel.INTERNET,
                            attempt.result(),
                            null,
                            history.hardwareHash(),
                            null)));
        }
        return events;
    }

    /** Books deliveries the way the ledger does: each event id once, through the pure decider. */
    private static Map<String, KeyBalance> book(List<Delivery> deliveries) {
        Map<String, KeyBalance> balances = emptyBalances();
        Map<String, DeviceState> devices = new HashMap<>();
        Set<String> booked = new HashSet<>();
        for (Delivery delivery : deliveries) {
            if (!booked.add(delivery.eventId())) {
                continue;
            }
            String serial = delivery.eventId().substring(0, delivery.eventId().indexOf('/'));
            String keyId = delivery.event() instanceof DeviceProvisioned p
                    ? p.keyId()
                    : ((ActivationAttempted) delivery.event()).keyId();
            KeyRef key = keyId == null ? null : KEYS.get(keyId);
            Booking booking = LedgerDecider.decide(delivery.event(), T0, devices.get(serial), key);
            if (booking.device() != null) {
                devices.put(serial, booking.device());
            }
            for (KeyMovement movement : booking.movements()) {
                balances.put(movement.keyId(), balances.get(movement.keyId()).apply(movement));
            }
        }
        return balances;
    }

    private static Map<String, KeyBalance> model(List<DeviceHistory> devices) {
        Map<String, KeyBalance> balances = emptyBalances();
        for (DeviceHistory device : devices) {
            KeyBalance balance = balances.get(device.keyId());
            boolean consumed = device.activated() && device.keyNamed();
            boolean committed = device.provisioning() == Provisioning.WITH_KEY && !device.activated();
            boolean unattributed = consumed && device.provisioning() != Provisioning.WITH_KEY;
            balances.put(
                    device.keyId(),
                    new KeyBalance(
                            balance.keyId(),
                            balance.partialKey(),
                            balance.allotment(),
                            balance.committed() + (committed ? 1 : 0),
                            balance.consumed() + (consumed ? 1 : 0),
                            balance.unattributed() + (unattributed ? 1 : 0)));
        }
        return balances;
    }

    private static Map<String, KeyBalance> emptyBalances() {
        Map<String, KeyBalance> balances = new HashMap<>();
        KEYS.values()
                .forEach(key -> balances.put(key.keyId(), new KeyBalance(key.keyId(), key.partialKey(), 100, 0, 0, 0)));
        return balances;
    }
}
