package dev.keyline.ledger.it;

import static dev.keyline.ledger.it.LineEvents.NO_KMS_HOST;
import static dev.keyline.ledger.it.LineEvents.SUCCESS;
import static dev.keyline.ledger.it.LineEvents.activation;
import static dev.keyline.ledger.it.LineEvents.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.domain.KeyBalance;
import dev.keyline.ledger.it.LedgerClient.ChainCheck;
import dev.keyline.ledger.it.LedgerClient.KeyFigures;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.LineEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Kills the ledger with SIGKILL in the middle of booking 100,000 events, restarts it, and checks that every key's
 * balance equals a full recompute of the topic with the pure booking rules: nothing lost, nothing booked twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIT {

    private static final Duration BOOKING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Instant GRANTED_AT = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final long ALLOTMENT = 20_000;
    private static final int DEVICES = 50_000;
    private static final int EVENTS = 2 * DEVICES;
    /** Devices are produced in blocks: every provisioning of a block, then every activation attempt of it. */
    private static final int BLOCK = 1_000;

    private static final List<String[]> KEYS = List.of(
            new String[] {"CRASH-1", "CRSHA-BBBBB-CCCCC-DDDDD-C1QX4"},
            new String[] {"CRASH-2", "CRSHB-BBBBB-CCCCC-DDDDD-C2QX4"},
            new String[] {"CRASH-3", "CRSHC-BBBBB-CCCCC-DDDDD-C3QX4"},
            new String[] {"CRASH-4", "CRSHD-BBBBB-CCCCC-DDDDD-C4QX4"});

    /**
     * The killed consumer keeps its partitions until its session times out (45 s by default), so a shorter timeout
     * lets the restarted ledger take them over sooner.
     */
    private static final Map<String, String> SHORT_SESSION =
            Map.of("mp.messaging.incoming.line-events.session.timeout.ms", "10000");
    /**
     * Keys must be registered before the ledger books their events, so a ledger that does not consume registers them
     * before the events are produced. The measured ledger then starts on the full topic.
     */
    private static final Map<String, String> CHANNEL_DISABLED =
            Map.of("mp.messaging.incoming.line-events.enabled", "false");

    private LedgerStack stack;
    private long bookedAtKill;
    private Map<String, KeyFigures> balances;
    private Map<String, ChainCheck> chains;
    private long bookedAfterRestart;
    private long deadLettered;
    private TopicRecompute recompute;

    @BeforeAll
    void bookKillAndRestart() throws Exception {
        stack = LedgerStack.start("CrashRecoveryIT");
        LedgerProcess registrar = stack.startLedger("ledger-registrar", CHANNEL_DISABLED);
        registerKeys(LedgerClient.of(registrar));
        registrar.stop();
        produceEvents();

        LedgerProcess first = stack.spawnLedger("ledger-killed", SHORT_SESSION);
        LedgerClient firstApi = LedgerClient.of(first);
        await("ledger books its first events")
                .atMost(BOOKING_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .ignoreExceptions()
                .until(() -> firstApi.booked() > 0);
        first.kill();
        bookedAtKill = countProcessedEvents();

        LedgerProcess restarted = stack.startLedger("ledger-restarted", SHORT_SESSION);
        LedgerClient api = LedgerClient.of(restarted);
        await("restarted ledger books every event")
                .atMost(BOOKING_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> api.booked() == EVENTS);
        bookedAfterRestart = api.booked();
        deadLettered = api.deadLettered();
        balances = new HashMap<>();
        chains = new HashMap<>();
        for (String[] key : KEYS) {
            balances.put(key[0], api.key(key[0]));
            chains.put(key[0], api.verifyChain(key[0]));
        }
        recompute = TopicRecompute.of(stack.bootstrapServers(), registeredBalances());
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killHitsMiddleOfBooking() {
        assertThat(bookedAtKill).isPositive();
        assertThat(bookedAtKill).isLessThan(EVENTS);
    }

    @Test
    void restartBooksEveryEventOnce() {
        assertThat(recompute.records()).isEqualTo(EVENTS);
        assertThat(recompute.bookedEvents()).isEqualTo(EVENTS);
        assertThat(bookedAfterRestart).isEqualTo(EVENTS);
        assertThat(deadLettered).isZero();
    }

    @Test
    void balancesEqualTopicRecompute() {
        Map<String, KeyBalance> expected = recompute.balances();
        for (String[] key : KEYS) {
            KeyBalance want = expected.get(key[0]);
            KeyFigures got = balances.get(key[0]);
            assertThat(got.committed()).as(key[0] + " committed").isEqualTo(want.committed());
            assertThat(got.consumed()).as(key[0] + " consumed").isEqualTo(want.consumed());
            assertThat(got.unattributed()).as(key[0] + " unattributed").isEqualTo(want.unattributed());
            assertThat(got.available()).as(key[0] + " available").isEqualTo(want.available());
        }
    }

    /**
     * Checks the totals the scenario implies. The 7,143 devices whose index is a multiple of 7 only fail, so they keep
     * their commitment. The other 42,857 consume one activation each, and those activated before their late
     * provisioning are matched, so nothing stays unattributed.
     */
    @Test
    void totalsMatchScenario() {
        long committed =
                balances.values().stream().mapToLong(KeyFigures::committed).sum();
        long consumed =
                balances.values().stream().mapToLong(KeyFigures::consumed).sum();
        long unattributed =
                balances.values().stream().mapToLong(KeyFigures::unattributed).sum();
        assertThat(committed).isEqualTo(7_143);
        assertThat(consumed).isEqualTo(42_857);
        assertThat(unattributed).isZero();
    }

    @Test
    void chainsVerifyWithoutDuplicates() {
        for (String[] key : KEYS) {
            ChainCheck chain = chains.get(key[0]);
            assertThat(chain.valid()).as(key[0] + " valid").isTrue();
            assertThat(chain.entries())
                    .as(key[0] + " journal entries")
                    .isEqualTo(recompute.journalEntries().get(key[0]));
        }
    }

    /**
     * Sends 100,000 events for 50,000 devices, spread over the keys by index. A device whose index is a multiple of 7
     * is provisioned and then fails to activate. One whose index ends in 3 activates before its provisioning
     * arrives. Every other device is provisioned and then activates.
     */
    private void produceEvents() {
        try (LineEventProducer producer = new LineEventProducer(stack.bootstrapServers())) {
            for (int start = 0; start < DEVICES; start += BLOCK) {
                for (int device = start; device < start + BLOCK; device++) {
                    if (!activatesFirst(device)) {
                        producer.send(keyId(device), provisioning(device));
                    }
                }
                for (int device = start; device < start + BLOCK; device++) {
                    producer.send(keyId(device), attempt(device));
                    if (activatesFirst(device)) {
                        producer.send(keyId(device), provisioning(device));
                    }
                }
            }
            assertThat(producer.sent()).isEqualTo(EVENTS);
        }
    }

    private static boolean fails(int device) {
        return device % 7 == 0;
    }

    private static boolean activatesFirst(int device) {
        return !fails(device) && device % 10 == 3;
    }

    private static CloudEvent<LineEvent> provisioning(int device) {
        String[] key = KEYS.get(device % KEYS.size());
        return provisioned(serial(device), key[0], partialKey(key), T0.plusSeconds(device));
    }

    private static CloudEvent<LineEvent> attempt(int device) {
        String[] key = KEYS.get(device % KEYS.size());
        String result = fails(device) ? NO_KMS_HOST : SUCCESS;
        return activation(serial(device), key[0], partialKey(key), result, "hw-" + device, T0.plusSeconds(device + 60));
    }

    private static String keyId(int device) {
        return KEYS.get(device % KEYS.size())[0];
    }

    private static String serial(int device) {
        return String.format("CR-%06d", device);
    }

    private static String partialKey(String[] key) {
        return key[1].substring(key[1].length() - 5);
    }

    private static void registerKeys(LedgerClient api) {
        for (String[] key : KEYS) {
            api.registerKey(key[0], key[1], ALLOTMENT, GRANTED_AT);
        }
    }

    private static List<KeyBalance> registeredBalances() {
        return KEYS.stream()
                .map(key -> new KeyBalance(key[0], partialKey(key), ALLOTMENT, 0, 0, 0))
                .toList();
    }

    private long countProcessedEvents() throws SQLException {
        try (Connection connection = stack.database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM device_events")) {
            count.next();
            return count.getLong(1);
        }
    }
}
