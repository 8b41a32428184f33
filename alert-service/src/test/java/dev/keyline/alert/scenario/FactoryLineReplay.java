package dev.keyline.alert.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the launcher's factory-line scenario into the events the station service and the ledger publish for it. Its
 * reports become line events. Balances and findings are booked the way the ledger books them: a provisioning commits,
 * a device's first success consumes and releases its commitment, and a success of an unknown device consumes from the
 * key its partial key names. Key ids, partial keys, lines and serials get a unique suffix, because all tests share one
 * database. Full product keys never leave this class: an exposure carries the masked key only.
 */
final class FactoryLineReplay {

    static final Path SCENARIO = Path.of("..", "deploy", "scenarios", "factory-line.jsonl");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEDGER = CloudEvent.serviceSource("ledger-service");

    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final Random random = new Random(suffix.hashCode());
    private final Map<String, String> keyIds = new HashMap<>();
    private final Map<String, String> partialKeys = new HashMap<>();
    private final Map<String, String> productKeys = new HashMap<>();
    private final Map<String, Long> allotment = new HashMap<>();
    private final Map<String, Long> committed = new HashMap<>();
    private final Map<String, Long> consumed = new HashMap<>();
    private final Map<String, String> deviceKey = new HashMap<>();
    private final Set<String> activated = new HashSet<>();

    /** Line events, each with the record key the station service uses: the key id, else the partial key. */
    final List<Keyed> lineEvents = new ArrayList<>();

    /** Ledger events, keyed by key id. */
    final List<Keyed> ledgerEvents = new ArrayList<>();

    /** An encoded event, its id and its Kafka record key. */
    record Keyed(String recordKey, String eventId, String value) {}

    FactoryLineReplay() throws IOException {
        for (String line : Files.readAllLines(SCENARIO)) {
            JsonNode step = JSON.readTree(line);
            switch (step.get("kind").asText()) {
                case "register-key" -> register(step);
                case "device-provisioned" -> provision(step.get("report"));
                case "activation-attempted" -> activate(step.get("report"));
                    // The station turns these into line events itself; the end-to-end test FactoryLineIT covers them.
                    // A catch-up only makes the launcher wait, and this replay publishes in one go.
                case "step",
                        "slmgr-output",
                        "answer-file",
                        "answer-file-check",
                        "event-log",
                        "station-log",
                        "catch-up" -> {}
                default -> throw new IllegalStateException("unknown scenario step " + step.get("kind"));
            }
        }
    }

    String keyId(String scenarioKeyId) {
        return keyIds.get(scenarioKeyId);
    }

    String lineId(String scenarioLineId) {
        return scenarioLineId + "-" + suffix;
    }

    private void register(JsonNode step) {
        String scenarioKey = step.get("keyId").asText();
        String keyId = scenarioKey + "-" + suffix;
        String productKey = step.get("productKey").asText();
        keyIds.put(scenarioKey, keyId);
        partialKeys.put(productKey.substring(productKey.length() - 5), uniquePartialKey());
        productKeys.put(keyId, productKey);
        allotment.put(keyId, step.get("allotment").asLong());
        committed.put(keyId, 0L);
        consumed.put(keyId, 0L);
        // The ledger announces a registration at the time it happens, not at a line event's time.
        balance(keyId, Instant.now(), "registration");
    }

    private void provision(JsonNode report) {
        String keyId = keyIds.get(report.get("keyId").asText());
        String serial = serial(report);
        Instant time = Instant.parse(report.get("time").asText());
        String lineId = lineId(report.get("lineId").asText());
        String stationId = report.get("stationId").asText();
        DeviceProvisioned data = new DeviceProvisioned(
                serial,
                lineId,
                stationId,
                keyId,
                partialKey(report),
                ProvisioningMethod.fromWireName(report.get("method").asText()),
                report.get("keyCleared").asBoolean(),
                null);
        CloudEvent<DeviceProvisioned> event =
                CloudEvent.create(CloudEvent.lineSource(lineId, stationId), serial, time, data);
        lineEvents.add(new Keyed(keyId, event.id(), TestEvents.encode(event)));
        if (report.path("notes").asText().contains(productKeys.get(keyId))) {
            expose(serial, lineId, stationId, partialKey(report), time);
        }

        deviceKey.put(serial, keyId);
        committed.merge(keyId, 1L, Long::sum);
        balance(keyId, time, event.id());
    }

    private void expose(String serial, String lineId, String stationId, String partialKey, Instant time) {
        KeyExposed data = new KeyExposed(
                serial,
                lineId,
                stationId,
                "*****-*****-*****-*****-" + partialKey,
                partialKey,
                TestEvents.UNKNOWN_FINGERPRINT,
                "device-provisioned",
                "/notes");
        CloudEvent<KeyExposed> event = CloudEvent.create(CloudEvent.lineSource(lineId, stationId), serial, time, data);
        lineEvents.add(new Keyed(partialKey, event.id(), TestEvents.encode(event)));
    }

    private void activate(JsonNode report) {
        String serial = serial(report);
        Instant time = Instant.parse(report.get("time").asText());
        String lineId = lineId(report.get("lineId").asText());
        String stationId = report.get("stationId").asText();
        String keyId =
                report.hasNonNull("keyId") ? keyIds.get(report.get("keyId").asText()) : null;
        String partialKey = partialKey(report);
        ActivationAttempted data = new ActivationAttempted(
                serial,
                lineId,
                stationId,
                keyId,
                partialKey,
                ActivationChannel.fromWireName(report.get("channel").asText()),
                report.get("result").asText(),
                null);
        CloudEvent<ActivationAttempted> event =
                CloudEvent.create(CloudEvent.lineSource(lineId, stationId), serial, time, data);
        lineEvents.add(new Keyed(keyId != null ? keyId : partialKey, event.id(), TestEvents.encode(event)));

        if (!data.succeeded() || !activated.add(serial)) {
            return;
        }
        String known = deviceKey.get(serial);
        if (known != null) {
            committed.merge(known, -1L, Long::sum);
            consumed.merge(known, 1L, Long::sum);
            balance(known, time, event.id());
            return;
        }
        String byPartialKey = keyByPartialKey(partialKey);
        consumed.merge(byPartialKey, 1L, Long::sum);
        balance(byPartialKey, time, event.id());
        ActivationUnattributed finding = new ActivationUnattributed(
                serial,
                byPartialKey,
                partialKey,
                lineId,
                stationId,
                ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                event.id());
        CloudEvent<ActivationUnattributed> unattributed = CloudEvent.create(LEDGER, serial, time, finding);
        ledgerEvents.add(new Keyed(byPartialKey, unattributed.id(), TestEvents.encode(unattributed)));
    }

    private void balance(String keyId, Instant time, String cause) {
        long available = allotment.get(keyId) - committed.get(keyId) - consumed.get(keyId);
        BalanceChanged data = new BalanceChanged(
                keyId,
                partialKeyOf(keyId),
                allotment.get(keyId),
                committed.get(keyId),
                consumed.get(keyId),
                available,
                cause,
                "active",
                0L,
                null);
        CloudEvent<BalanceChanged> event = CloudEvent.create(LEDGER, keyId, time, data);
        ledgerEvents.add(new Keyed(keyId, event.id(), TestEvents.encode(event)));
    }

    private String serial(JsonNode report) {
        return report.get("serial").asText() + "-" + suffix;
    }

    private String partialKey(JsonNode report) {
        return partialKeys.get(report.get("partialKey").asText());
    }

    private String partialKeyOf(String keyId) {
        String productKey = productKeys.get(keyId);
        return partialKeys.get(productKey.substring(productKey.length() - 5));
    }

    private String keyByPartialKey(String partialKey) {
        return productKeys.keySet().stream()
                .filter(keyId -> partialKeyOf(keyId).equals(partialKey))
                .findFirst()
                .orElseThrow();
    }

    private String uniquePartialKey() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder partial = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            partial.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return partial.toString();
    }
}
