package dev.keyline.ledger.it;

import static dev.keyline.ledger.it.LineEvents.SUCCESS;
import static dev.keyline.ledger.it.LineEvents.activation;
import static dev.keyline.ledger.it.LineEvents.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.it.LedgerClient.ChainCheck;
import dev.keyline.ledger.it.LedgerClient.KeyFigures;
import dev.keyline.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two ledgers in one consumer group share the partitions of {@code keyline.line-events}: ledger A books the
 * provisioning of 1,000 devices and the first 500 activations alone, then ledger B joins and the group rebalances,
 * and the last 500 activations are booked by both. Every activation must be consumed exactly once.
 *
 * <p>The two keys are chosen to hash to partitions 1 and 2 of 3. With the consumers' default range assignor, one
 * member gets partitions 0 and 1 and the other partition 2, so each ledger owns one key after the rebalance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String GROUP = "keyline-ledger-service";
    private static final Instant GRANTED_AT = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final long ALLOTMENT = 1_000;
    private static final int DEVICES_PER_KEY = 500;
    private static final List<String[]> KEYS = List.of(
            new String[] {"SCALE-A", "SCALA-BBBBB-CCCCC-DDDDD-S1QX4", "S1QX4"},
            new String[] {"SCALE-F", "SCALF-BBBBB-CCCCC-DDDDD-S2QX4", "S2QX4"});
    /** The consumer's log line for a booked batch; see {@code LineEventConsumer}. */
    private static final Pattern BOOKED_LINE = Pattern.compile("channel line-events booked (\\d+) events");

    /**
     * One consumer per ledger instead of the default three. The topic has three partitions, and with three consumers
     * in ledger A the group could leave ledger B without a partition.
     */
    private static final Map<String, String> ONE_CONSUMER =
            Map.of("mp.messaging.incoming.line-events.concurrency", "1");

    private LedgerStack stack;
    private Map<String, KeyFigures> afterProvisioning;
    private Map<String, KeyFigures> balances;
    private Map<String, ChainCheck> chains;
    private Map<String, Set<Integer>> assignment;
    private long bookedByA;
    private long bookedByB;

    @BeforeAll
    void bookWithTwoLedgers() throws Exception {
        stack = LedgerStack.start("ScaleOutIT");
        LedgerProcess ledgerA = stack.startLedger("ledger-a", ONE_CONSUMER);
        LedgerClient api = LedgerClient.of(ledgerA);
        for (String[] key : KEYS) {
            api.registerKey(key[0], key[1], ALLOTMENT, GRANTED_AT);
        }

        try (LineEventProducer producer = new LineEventProducer(stack.bootstrapServers())) {
            for (int device = 0; device < DEVICES_PER_KEY; device++) {
                for (String[] key : KEYS) {
                    producer.send(key[0], provisioned(serial(key, device), key[0], key[2], T0.plusSeconds(device)));
                }
            }
            producer.flush();
            await("ledger A books the provisionings").atMost(TIMEOUT).until(() -> api.booked() == 1_000);
            afterProvisioning = balances(api);

            sendActivations(producer, 0, DEVICES_PER_KEY / 2);
            await("ledger A books the first half").atMost(TIMEOUT).until(() -> api.booked() == 1_500);

            LedgerProcess ledgerB = stack.startLedger("ledger-b", ONE_CONSUMER);
            assignment = awaitTwoMembersAssigned();
            sendActivations(producer, DEVICES_PER_KEY / 2, DEVICES_PER_KEY);
            await("both ledgers book the second half").atMost(TIMEOUT).until(() -> api.booked() == 2_000);

            balances = balances(LedgerClient.of(ledgerB));
            chains = new HashMap<>();
            for (String[] key : KEYS) {
                chains.put(key[0], api.verifyChain(key[0]));
            }
            bookedByA = bookedInLog(ledgerA.logFile());
            bookedByB = bookedInLog(ledgerB.logFile());
        }
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void keysHashToPartitionsOneAndTwo() {
        assertThat(partitionOf("SCALE-A")).isEqualTo(1);
        assertThat(partitionOf("SCALE-F")).isEqualTo(2);
    }

    @Test
    void provisioningCommitsEveryDevice() {
        for (String[] key : KEYS) {
            assertThat(afterProvisioning.get(key[0])).isEqualTo(new KeyFigures(1_000, 500, 0, 500, 0, "active"));
        }
    }

    @Test
    void consumedRisesByExactlyThousand() {
        long consumedBefore = afterProvisioning.values().stream()
                .mapToLong(KeyFigures::consumed)
                .sum();
        long consumedAfter =
                balances.values().stream().mapToLong(KeyFigures::consumed).sum();
        assertThat(consumedAfter - consumedBefore).isEqualTo(1_000);
        for (String[] key : KEYS) {
            assertThat(balances.get(key[0])).isEqualTo(new KeyFigures(1_000, 0, 500, 500, 0, "active"));
        }
    }

    @Test
    void eachKeyChainVerifies() {
        for (String[] key : KEYS) {
            ChainCheck chain = chains.get(key[0]);
            assertThat(chain.valid()).as(key[0] + " valid").isTrue();
            // 1 registration, 500 commitments, 500 consumptions
            assertThat(chain.entries()).as(key[0] + " entries").isEqualTo(1_001);
        }
    }

    @Test
    void rebalanceGivesEachLedgerOneKey() {
        assertThat(assignment).hasSize(2);
        List<Set<Integer>> owned = List.copyOf(assignment.values());
        assertThat(owned.get(0)).doesNotContainAnyElementsOf(owned.get(1));
        for (Set<Integer> partitions : owned) {
            assertThat(partitions).containsAnyOf(1, 2);
        }
    }

    @Test
    void ledgersShareBookingWithoutOverlap() {
        assertThat(bookedByA + bookedByB).isEqualTo(2_000);
        assertThat(bookedByB).isEqualTo(DEVICES_PER_KEY / 2);
    }

    private static void sendActivations(LineEventProducer producer, int from, int to) {
        for (int device = from; device < to; device++) {
            for (String[] key : KEYS) {
                producer.send(
                        key[0],
                        activation(serial(key, device), key[0], key[2], SUCCESS, "hw-1", T0.plusSeconds(600 + device)));
            }
        }
        producer.flush();
    }

    /** Waits until the group has two members that each own partitions, and returns each member's partitions. */
    private Map<String, Set<Integer>> awaitTwoMembersAssigned() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", stack.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            return await("ledger B joins the group and gets partitions")
                    .atMost(TIMEOUT)
                    .until(
                            () -> describeAssignment(admin),
                            members -> members.size() == 2
                                    && members.values().stream().noneMatch(Set::isEmpty));
        }
    }

    private static Map<String, Set<Integer>> describeAssignment(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
                .describedGroups()
                .get(GROUP)
                .get(30, TimeUnit.SECONDS);
        Map<String, Set<Integer>> members = new HashMap<>();
        for (MemberDescription member : group.members()) {
            members.put(
                    member.consumerId(),
                    member.assignment().topicPartitions().stream()
                            .filter(partition -> partition.topic().equals(Topics.LINE_EVENTS))
                            .map(TopicPartition::partition)
                            .collect(Collectors.toSet()));
        }
        return members;
    }

    /** Returns the partition the producer's default partitioner picks for a record key: murmur2 modulo 3. */
    private static int partitionOf(String recordKey) {
        return Utils.toPositive(Utils.murmur2(recordKey.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    /** Adds up the events a ledger logged as booked. */
    private static long bookedInLog(Path logFile) throws IOException {
        long booked = 0;
        for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
            Matcher matcher = BOOKED_LINE.matcher(line);
            if (matcher.find()) {
                booked += Long.parseLong(matcher.group(1));
            }
        }
        return booked;
    }

    private static Map<String, KeyFigures> balances(LedgerClient api) {
        Map<String, KeyFigures> balances = new HashMap<>();
        KEYS.forEach(key -> balances.put(key[0], api.key(key[0])));
        return balances;
    }

    private static String serial(String[] key, int device) {
        return key[0] + "-" + String.format("%04d", device);
    }
}
