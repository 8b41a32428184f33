package dev.keyline.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyline.embedded.FreePorts;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts Kafka, PostgreSQL and the three packaged services on free ports, plays deploy/scenarios/factory-line.jsonl
 * and checks the books. The tests run in order: the kcat test changes KEY-A's balance, and the key scans run last so
 * they also cover that event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FactoryLineIT {

    /** The full keys of the scenario, which must not be stored anywhere. Messages name them by key id only. */
    private static final Map<String, String> FULL_KEYS = Map.of(
            "KEY-A", "KLTST-AAAAA-BBBBB-CCCCC-7QX4M",
            "KEY-B", "KLTST-DDDDD-EEEEE-FFFFF-H2K9D");

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    @TempDir
    static Path workDirectory;

    private LocalStack stack;
    private KeylineApi api;
    private PlayResult played;
    private long lineEventsWritten;
    private Summary summary;

    @BeforeAll
    void startStackAndPlayScenario() throws Exception {
        Path repositoryRoot = RepositoryRoot.find(Path.of(""));
        Scenario scenario = ScenarioReader.read(repositoryRoot.resolve("deploy/scenarios/factory-line.jsonl"));
        stack = LocalStack.start(
                new LocalStack.Config(repositoryRoot, workDirectory, freePortSettings(), scenario.stationPrincipals()));
        api = stack.api();

        LedgerStatus ledgerBefore = api.ledgerStatus();
        AlertStatus alertBefore = api.alertStatus();
        StationOutbox outbox = stack.stationOutbox();
        long outboxBefore = outbox.lineEventCount();
        ScenarioPlayer.CatchUp catchUp = playedSoFar -> awaitCatchUp(
                ledgerBefore, alertBefore, Math.max(playedSoFar.acceptedEvents(), outboxCount(outbox) - outboxBefore));
        played = new ScenarioPlayer(api, System.out, catchUp).play(scenario);
        lineEventsWritten = outbox.lineEventCount() - outboxBefore;
        awaitCatchUp(ledgerBefore, alertBefore, lineEventsWritten);

        summary = SummaryReader.read(api, StackInfo.of(stack));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void scenarioAcceptedWhole() {
        // Events: 395 reports and steps plus 1 exposure; 4 license checks (1003) with a license report and a repeat
        // success each; 4 slmgr outputs with a license report each; 2 failures (8198); clean answer files give none.
        assertEquals(new PlayResult(2, 0, 395, 395, 0, 15, 15, 0, 410), played, "keys, reports and artifacts accepted");
        assertTrue(
                lineEventsWritten >= played.acceptedEvents(),
                "station outbox rows " + lineEventsWritten + " cover one event per report plus one per exposure");
    }

    @Test
    @Order(2)
    void summaryMatchesExpected() {
        Map<String, KeyBalance> keys = new TreeMap<>();
        summary.keys().forEach(key -> keys.put(key.keyId(), key));

        assertEquals(List.of("KEY-A", "KEY-B"), List.copyOf(keys.keySet()), "key ids in the summary");
        assertBalance(keys.get("KEY-A"), 150, 40, 81, 29);
        assertBalance(keys.get("KEY-B"), 100, 5, 85, 10);
        assertEquals(211, summary.devices(), "device total in the summary");
        assertEquals(
                Map.of("key-low", 1L, "activation-unknown-device", 1L, "key-exposure", 1L),
                summary.firingAlertsByRule(),
                "firing alerts by rule in the summary");
    }

    @Test
    @Order(3)
    void ledgerApiMatchesExpected() {
        assertBalance(balanceFromApi("KEY-A"), 150, 40, 81, 29);
        assertBalance(balanceFromApi("KEY-B"), 100, 5, 85, 10);

        JsonNode devices = ledgerGet("/api/v1/devices?page=0&size=1");
        assertEquals(211, devices.path("total").asLong(-1), "total of GET /api/v1/devices");

        JsonNode unknown = ledgerGet("/api/v1/devices/L9-9999");
        assertEquals("L9-9999", unknown.path("serial").asText(), "serial of the never-provisioned device");
        assertEquals(1, unknown.path("successfulActivations").asLong(-1), "successful activations of L9-9999");
    }

    @Test
    @Order(4)
    void alertApiMatchesExpected() {
        URI uri = stack.serviceUrl(KeylineService.ALERT).resolve("/api/v1/alerts?status=firing");
        JsonNode alerts = stack.http().getOk(uri, stack.tokens().auditorToken());
        Map<String, Long> byRule = new TreeMap<>();
        List<String> lowKeys = new ArrayList<>();
        for (JsonNode alert : alerts) {
            assertEquals("firing", alert.path("status").asText(), "status of an alert from ?status=firing");
            byRule.merge(alert.path("rule").asText(), 1L, Long::sum);
            if (alert.path("rule").asText().equals("key-low")) {
                lowKeys.add(alert.path("labels").path("keyId").asText());
            }
        }

        assertEquals(
                Map.of("key-low", 1L, "activation-unknown-device", 1L, "key-exposure", 1L),
                byRule,
                "firing alerts by rule from GET /api/v1/alerts");
        assertEquals(List.of("KEY-B"), lowKeys, "keyId label of the firing key-low alerts");
    }

    @Test
    @Order(5)
    void shippedDeviceHasStepsAndLicense() {
        JsonNode device = stationGet("/api/v1/devices/L1-0001");

        assertEquals("shipped", device.path("lastStep").asText(), "last step of L1-0001 on the station-service");
        assertEquals(0, device.path("shipBlockers").size(), "ship blockers of L1-0001: " + device.path("shipBlockers"));
        assertEquals(0, device.path("findings").size(), "answer-file findings of L1-0001: " + device.path("findings"));
        List<String> steps = new ArrayList<>();
        device.path("history").forEach(entry -> steps.add(entry.path("step").asText()));
        assertEquals(
                List.of("generalized", "qa-passed", "shipped"),
                steps.subList(Math.max(0, steps.size() - 3), steps.size()),
                "last three steps in the history of L1-0001: " + steps);
        assertEquals("licensed", device.path("license").path("status").asText(), "license status of L1-0001");
        assertEquals("7QX4M", device.path("license").path("partialKey").asText(), "licensed partial key of L1-0001");

        // The first slmgr output has CRLF line endings; L1-0004 checks one with LF.
        JsonNode lfDevice = stationGet("/api/v1/devices/L1-0004");
        assertEquals("shipped", lfDevice.path("lastStep").asText(), "last step of L1-0004 on the station-service");
        assertEquals("licensed", lfDevice.path("license").path("status").asText(), "license status of L1-0004");
    }

    @Test
    @Order(6)
    void eventLogFailureIsBooked() {
        JsonNode device = ledgerGet("/api/v1/devices/L1-0084");

        assertEquals("provisioned", device.path("status").asText(), "ledger status of deferred device L1-0084");
        assertEquals(2, device.path("activationAttempts").asLong(-1), "activation attempts of L1-0084");
        assertEquals(0, device.path("successfulActivations").asLong(-1), "successful activations of L1-0084");
        assertEquals(
                "0xC004F074",
                device.path("lastResult").asText(),
                "last result of L1-0084: the 8198 event's hr= after a report of 0x8007232B");
    }

    @Test
    @Order(7)
    void kcatEventIsBooked() throws Exception {
        DeviceProvisioned data = new DeviceProvisioned(
                "KC-0001", "line-1", "imaging-01", "KEY-A", "7QX4M", ProvisioningMethod.UNATTEND, true, null);
        CloudEvent<DeviceProvisioned> event = CloudEvent.create(
                CloudEvent.lineSource("line-1", "imaging-01"), "KC-0001", Instant.parse("2026-11-03T06:00:00Z"), data);

        produceWithKcat("KEY-A", new EventCodec().encode(event));

        await("ledger books KC-0001 from kcat")
                .atMost(TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .untilAsserted(() -> assertEquals(
                        41, balanceFromApi("KEY-A").committed(), "KEY-A committed after KC-0001 was provisioned"));
        JsonNode device = ledgerGet("/api/v1/devices/KC-0001");
        assertEquals("KEY-A", device.path("keyId").asText(), "key id of device KC-0001");
        assertBalance(balanceFromApi("KEY-A"), 150, 41, 81, 28);
    }

    @Test
    @Order(8)
    void fullKeyInNoTopicRecord() throws Exception {
        List<TopicDump.RecordText> records = TopicDump.readAll(stack.kafkaBootstrapServers());
        long lineEvents = records.stream()
                .filter(record -> record.topic().equals(Topics.LINE_EVENTS))
                .count();
        assertEquals(
                lineEventsWritten + 1,
                lineEvents,
                "records on " + Topics.LINE_EVENTS + ": each station outbox row once, plus 1 from kcat");

        for (Map.Entry<String, String> key : FULL_KEYS.entrySet()) {
            List<String> found = records.stream()
                    .filter(record -> containsKey(record.text(), key.getValue()))
                    .map(record -> record.topic() + "-" + record.partition() + "@" + record.offset())
                    .toList();
            assertEquals(List.of(), found, "records that contain the full key of " + key.getKey());
        }
    }

    @Test
    @Order(9)
    void fullKeyInNoDatabaseRow() throws Exception {
        for (KeylineService service : KeylineService.values()) {
            List<DatabaseDump.RowText> rows = DatabaseDump.dump(stack.postgres().dataSource(service.database()));
            assertTrue(rows.size() > 0, "database " + service.database() + " has rows to scan");

            for (Map.Entry<String, String> key : FULL_KEYS.entrySet()) {
                String hex = HexFormat.of().formatHex(key.getValue().getBytes(StandardCharsets.UTF_8));
                List<String> found = rows.stream()
                        .filter(row -> containsKey(row.text(), key.getValue())
                                || row.text().contains(hex))
                        .map(DatabaseDump.RowText::table)
                        .distinct()
                        .toList();
                assertEquals(
                        List.of(),
                        found,
                        "tables of " + service.database() + " with a row that contains the full key of "
                                + key.getKey());
            }
        }
    }

    @Test
    @Order(10)
    void fullKeyInNoServiceLog() throws Exception {
        for (KeylineService service : KeylineService.values()) {
            Path log = stack.logDirectory().resolve(service.moduleName() + ".log");
            assertTrue(Files.size(log) > 0, "log file " + log + " has content to scan");

            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> key : FULL_KEYS.entrySet()) {
                List<Integer> found = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    if (containsKey(lines.get(i), key.getValue())) {
                        found.add(i + 1);
                    }
                }
                assertEquals(List.of(), found, "lines of " + log + " that contain the full key of " + key.getKey());
            }
        }
    }

    @Test
    @Order(11)
    void fullKeyNotInSummary() {
        String text = SummaryFormatter.text(summary);
        String json = SummaryFormatter.json(summary);

        for (Map.Entry<String, String> key : FULL_KEYS.entrySet()) {
            assertTrue(!containsKey(text, key.getValue()), "summary text contains the full key of " + key.getKey());
            assertTrue(!containsKey(json, key.getValue()), "summary JSON contains the full key of " + key.getKey());
        }
    }

    private static StackSettings freePortSettings() {
        Map<KeylineService, Integer> servicePorts = new EnumMap<>(KeylineService.class);
        for (KeylineService service : KeylineService.values()) {
            servicePorts.put(service, FreePorts.find());
        }
        return new StackSettings(
                Optional.empty(),
                FreePorts.find(),
                FreePorts.find(),
                Optional.empty(),
                FreePorts.find(),
                StackSettings.DEFAULT_POSTGRES_USER,
                StackSettings.DEFAULT_POSTGRES_PASSWORD,
                servicePorts);
    }

    private static long outboxCount(StationOutbox outbox) {
        try {
            return outbox.lineEventCount();
        } catch (SQLException e) {
            throw new IllegalStateException("failed to count the station-service's outbox rows", e);
        }
    }

    /** Waits as the launcher does: the ledger books every event, then the alert rules process both topics. */
    private void awaitCatchUp(LedgerStatus ledgerBefore, AlertStatus alertBefore, long events) {
        await("ledger-service books the scenario's line events")
                .atMost(TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .untilAsserted(() -> {
                    LedgerStatus ledger = api.ledgerStatus();
                    assertTrue(
                            ledger.lineEventsBooked() >= ledgerBefore.lineEventsBooked() + events,
                            "ledger-service lineEventsBooked " + ledger.lineEventsBooked() + " reaches "
                                    + (ledgerBefore.lineEventsBooked() + events) + " (deadLettered "
                                    + ledger.deadLettered() + ")");
                });
        await("alert-service processes the line and ledger events")
                .atMost(TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .untilAsserted(() -> {
                    LedgerStatus ledger = api.ledgerStatus();
                    AlertStatus alert = api.alertStatus();
                    assertTrue(
                            alert.lineEventsProcessed() >= alertBefore.lineEventsProcessed() + events,
                            "alert-service lineEventsProcessed " + alert.lineEventsProcessed() + " reaches "
                                    + (alertBefore.lineEventsProcessed() + events));
                    assertTrue(
                            alert.ledgerEventsProcessed() >= ledger.ledgerEventsPublished(),
                            "alert-service ledgerEventsProcessed " + alert.ledgerEventsProcessed()
                                    + " reaches the ledger's ledgerEventsPublished " + ledger.ledgerEventsPublished());
                });
    }

    private JsonNode stationGet(String pathAndQuery) {
        URI uri = stack.serviceUrl(KeylineService.STATION).resolve(pathAndQuery);
        return stack.http().getOk(uri, stack.tokens().auditorToken());
    }

    private JsonNode ledgerGet(String pathAndQuery) {
        URI uri = stack.serviceUrl(KeylineService.LEDGER).resolve(pathAndQuery);
        return stack.http().getOk(uri, stack.tokens().auditorToken());
    }

    private KeyBalance balanceFromApi(String keyId) {
        JsonNode key = ledgerGet("/api/v1/keys/" + keyId);
        return new KeyBalance(
                key.path("keyId").asText(),
                key.path("allotment").asLong(-1),
                key.path("committed").asLong(-1),
                key.path("consumed").asLong(-1),
                key.path("available").asLong(-1));
    }

    private static void assertBalance(KeyBalance key, long allotment, long committed, long consumed, long available) {
        assertEquals(allotment, key.allotment(), key.keyId() + " allotment");
        assertEquals(committed, key.committed(), key.keyId() + " committed");
        assertEquals(consumed, key.consumed(), key.keyId() + " consumed");
        assertEquals(available, key.available(), key.keyId() + " available");
    }

    private static boolean containsKey(String text, String fullKey) {
        return text.toUpperCase(Locale.ROOT).contains(fullKey);
    }

    /** Sends one record with kcat, the Kafka command-line client, as an operator outside Keyline would. */
    private void produceWithKcat(String recordKey, String value) throws Exception {
        Process kcat;
        try {
            kcat = new ProcessBuilder(
                            "kcat",
                            "-b",
                            stack.kafkaBootstrapServers(),
                            "-t",
                            Topics.LINE_EVENTS,
                            "-k",
                            recordKey,
                            // The Java client's partitioner, so the record joins its key's partition.
                            "-X",
                            "topic.partitioner=murmur2_random",
                            "-P")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("kcat is not installed or not on the PATH: run 'apt-get install -y kcat'", e);
        }
        try (OutputStream stdin = kcat.getOutputStream()) {
            stdin.write((value + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(kcat.waitFor(60, TimeUnit.SECONDS), "kcat finished within 60 s");
        String output = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, kcat.exitValue(), "kcat exit code; its output: " + output);
    }
}
