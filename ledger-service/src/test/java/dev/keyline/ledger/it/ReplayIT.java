package dev.keyline.ledger.it;

import static dev.keyline.ledger.it.LineEvents.KEY_EXHAUSTED;
import static dev.keyline.ledger.it.LineEvents.NO_KMS_HOST;
import static dev.keyline.ledger.it.LineEvents.SUCCESS;
import static dev.keyline.ledger.it.LineEvents.activation;
import static dev.keyline.ledger.it.LineEvents.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.it.LedgerClient.ChainCheck;
import dev.keyline.ledger.it.LedgerClient.KeyFigures;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.LineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Books a few hundred line events, then drops the database and replays the topic from the start into a new consumer
 * group: the balances and every key's journal chain head must come out the same.
 *
 * <p>The replaying ledger books an event for an unregistered key without a key, so the keys must be registered
 * before it consumes. It therefore runs twice: first with the line-events channel disabled, to migrate the database
 * and register the keys, then with the channel enabled under a new group id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Instant GRANTED_AT = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final List<TestKey> KEYS = List.of(
            new TestKey("REPLAY-A", "RPLAA-BBBBB-CCCCC-DDDDD-7QX4M", "7QX4M", NO_KMS_HOST),
            new TestKey("REPLAY-B", "RPLAB-FFFFF-GGGGG-HHHHH-H2K9D", "H2K9D", KEY_EXHAUSTED));
    private static final long ALLOTMENT = 200;
    /** Distinct event ids per key; see {@link #produceKeyEvents}. */
    private static final int EVENTS_PER_KEY = 208;

    private LedgerStack stack;
    private Map<String, KeyFigures> balancesBefore;
    private Map<String, ChainCheck> chainsBefore;
    private Map<String, KeyFigures> balancesAfter;
    private Map<String, ChainCheck> chainsAfter;
    private long deadLetteredAfter;

    /** A registered key and the failure its failing devices report. */
    record TestKey(String keyId, String productKey, String partialKey, String failure) {}

    @BeforeAll
    void bookDropAndReplay() throws Exception {
        stack = LedgerStack.start("ReplayIT");

        LedgerProcess first = stack.startLedger("ledger-first", Map.of());
        LedgerClient firstApi = LedgerClient.of(first);
        registerKeys(firstApi);
        try (LineEventProducer producer = new LineEventProducer(stack.bootstrapServers())) {
            for (TestKey key : KEYS) {
                produceKeyEvents(producer, key);
            }
            producer.sendRaw("REPLAY-A", "{\"not\": \"a cloud event\"}");
        }
        long expectedBooked = (long) EVENTS_PER_KEY * KEYS.size();
        await("first ledger books every event").atMost(TIMEOUT).until(() -> firstApi.booked() == expectedBooked);
        await("first ledger dead-letters the invalid record").atMost(TIMEOUT).until(() -> firstApi.deadLettered() == 1);
        balancesBefore = balances(firstApi);
        chainsBefore = chains(firstApi);
        first.stop();

        stack.recreateDatabase();
        LedgerProcess registrar =
                stack.startLedger("ledger-registrar", Map.of("mp.messaging.incoming.line-events.enabled", "false"));
        registerKeys(LedgerClient.of(registrar));
        registrar.stop();

        LedgerProcess replay = stack.startLedger(
                "ledger-replay", Map.of("mp.messaging.incoming.line-events.group.id", "keyline-ledger-replay"));
        LedgerClient replayApi = LedgerClient.of(replay);
        await("replaying ledger books every event").atMost(TIMEOUT).until(() -> replayApi.booked() == expectedBooked);
        await("replaying ledger dead-letters the invalid record")
                .atMost(TIMEOUT)
                .until(() -> replayApi.deadLettered() == 1);
        balancesAfter = balances(replayApi);
        chainsAfter = chains(replayApi);
        deadLetteredAfter = replayApi.deadLettered();
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void firstRunBooksExpectedBalances() {
        assertThat(balancesBefore.get("REPLAY-A")).isEqualTo(new KeyFigures(200, 30, 77, 93, 1, "active"));
        assertThat(balancesBefore.get("REPLAY-B")).isEqualTo(new KeyFigures(200, 30, 77, 93, 1, "exhausted"));
    }

    @Test
    void firstRunChainsAreValid() {
        for (TestKey key : KEYS) {
            ChainCheck chain = chainsBefore.get(key.keyId());
            assertThat(chain.valid()).as(key.keyId() + " valid").isTrue();
            // 1 registration, 100 commitments, 70 consumptions, 10 repeats, 5 reactivations, 2 unattributed, 1 match,
            // and for REPLAY-B the entry that marked it exhausted.
            int stateChanges = key.keyId().equals("REPLAY-B") ? 1 : 0;
            assertThat(chain.entries()).as(key.keyId() + " entries").isEqualTo(189 + stateChanges);
        }
    }

    @Test
    void replayGivesSameBalances() {
        assertThat(balancesAfter).isEqualTo(balancesBefore);
    }

    @Test
    void replayGivesSameChainHeads() {
        for (TestKey key : KEYS) {
            ChainCheck after = chainsAfter.get(key.keyId());
            assertThat(after.valid()).as(key.keyId() + " valid after replay").isTrue();
            assertThat(after.entries())
                    .as(key.keyId() + " entries")
                    .isEqualTo(chainsBefore.get(key.keyId()).entries());
            assertThat(after.chainHead())
                    .as(key.keyId() + " chain head")
                    .isEqualTo(chainsBefore.get(key.keyId()).chainHead());
        }
    }

    @Test
    void replayDeadLettersInvalidRecordOnce() {
        assertThat(deadLetteredAfter).isEqualTo(1);
    }

    private static void registerKeys(LedgerClient api) {
        for (TestKey key : KEYS) {
            api.registerKey(key.keyId(), key.productKey(), ALLOTMENT, GRANTED_AT);
        }
    }

    /**
     * Sends 209 records, 208 distinct events, for one key: 100 devices provisioned; devices 0-59 activate; 60-69 fail
     * once, then activate; 70-79 only fail; 0-9 activate again on the same hardware (repeats) and 10-14 on new
     * hardware (reactivations); an unknown device activates; a device activates before its late provisioning; and
     * device 0's provisioning is sent twice.
     *
     * <p>Expected balance: committed 100 - 70 = 30; consumed 60 + 10 + 5 + 1 + 1 = 77; unattributed 1 (the unknown
     * device; the late one is matched); available 200 - 77 - 30 = 93.
     */
    private static void produceKeyEvents(LineEventProducer producer, TestKey key) {
        Map<String, CloudEvent<LineEvent>> provisionings = new HashMap<>();
        EventClock clock = new EventClock(T0);
        for (int d = 0; d < 100; d++) {
            CloudEvent<LineEvent> event = provisioned(serial(key, d), key.keyId(), key.partialKey(), clock.next());
            provisionings.put(serial(key, d), event);
            producer.send(key.keyId(), event);
        }
        for (int d = 0; d < 60; d++) {
            producer.send(key.keyId(), attempt(key, serial(key, d), SUCCESS, "hw-1", clock));
        }
        for (int d = 60; d < 70; d++) {
            producer.send(key.keyId(), attempt(key, serial(key, d), key.failure(), "hw-1", clock));
            producer.send(key.keyId(), attempt(key, serial(key, d), SUCCESS, "hw-1", clock));
        }
        for (int d = 70; d < 80; d++) {
            producer.send(key.keyId(), attempt(key, serial(key, d), key.failure(), "hw-1", clock));
        }
        for (int d = 0; d < 10; d++) {
            producer.send(key.keyId(), attempt(key, serial(key, d), SUCCESS, "hw-1", clock));
        }
        for (int d = 10; d < 15; d++) {
            producer.send(key.keyId(), attempt(key, serial(key, d), SUCCESS, "hw-2", clock));
        }
        producer.send(key.keyId(), attempt(key, key.keyId() + "-UNKNOWN", SUCCESS, "hw-1", clock));
        String late = key.keyId() + "-LATE";
        producer.send(key.keyId(), attempt(key, late, SUCCESS, "hw-1", clock));
        producer.send(key.keyId(), provisioned(late, key.keyId(), key.partialKey(), clock.next()));
        producer.send(key.keyId(), provisionings.get(serial(key, 0)));
    }

    private static CloudEvent<LineEvent> attempt(
            TestKey key, String serial, String result, String hardwareHash, EventClock clock) {
        return activation(serial, key.keyId(), key.partialKey(), result, hardwareHash, clock.next());
    }

    private static String serial(TestKey key, int device) {
        return key.keyId() + "-" + String.format("%03d", device);
    }

    private static Map<String, KeyFigures> balances(LedgerClient api) {
        Map<String, KeyFigures> balances = new HashMap<>();
        KEYS.forEach(key -> balances.put(key.keyId(), api.key(key.keyId())));
        return balances;
    }

    private static Map<String, ChainCheck> chains(LedgerClient api) {
        Map<String, ChainCheck> chains = new HashMap<>();
        KEYS.forEach(key -> chains.put(key.keyId(), api.verifyChain(key.keyId())));
        return chains;
    }

    /** Gives each event its own time, one second after the previous one. */
    private static final class EventClock {
        private Instant now;

        EventClock(Instant start) {
            this.now = start;
        }

        Instant next() {
            now = now.plusSeconds(1);
            return now;
        }
    }
}
