package dev.keyline.alert.scenario;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The launcher's factory-line scenario, replayed with default thresholds (key-low 20, as the launcher sets it): the
 * firing alerts are exactly those of factory-line.expected.json, so the newer rules add none.
 */
@QuarkusTest
class FactoryLineScenarioTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Path EXPECTED = Path.of("..", "deploy", "scenarios", "factory-line.expected.json");

    @Test
    void firingAlertsMatchExpected() throws Exception {
        FactoryLineReplay replay = new FactoryLineReplay();
        List<String> eventIds = new ArrayList<>();

        sendInOrder(Topics.LINE_EVENTS, replay.lineEvents, eventIds);
        sendInOrder(Topics.LEDGER_EVENTS, replay.ledgerEvents, eventIds);

        await().atMost(TIMEOUT).until(() -> processed(eventIds) == eventIds.size());
        Map<String, Long> firing = new TreeMap<>();
        for (Map<String, Object> alert : scenarioAlerts(replay)) {
            if ("firing".equals(alert.get("status"))) {
                firing.merge((String) alert.get("rule"), 1L, Long::sum);
            }
        }
        assertThat(firing).isEqualTo(expectedFiring());
        assertThat(alerts(Map.of("keyId", replay.keyId("KEY-B"), "rule", "key-low"))
                        .getList("status"))
                .containsExactly("firing");
    }

    /** Sends the events in order, each with its record key, so the events of one key keep their order. */
    private static void sendInOrder(String topic, List<FactoryLineReplay.Keyed> events, List<String> eventIds) {
        Map<String, List<String>> byRecordKey = new LinkedHashMap<>();
        for (FactoryLineReplay.Keyed event : events) {
            byRecordKey
                    .computeIfAbsent(event.recordKey(), key -> new ArrayList<>())
                    .add(event.value());
            eventIds.add(event.eventId());
        }
        byRecordKey.forEach((key, values) -> KafkaTestClient.sendAll(topic, key, values));
    }

    /** Returns every alert labelled with one of the scenario's keys or lines, each once. */
    private static List<Map<String, Object>> scenarioAlerts(FactoryLineReplay replay) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (String keyId : List.of(replay.keyId("KEY-A"), replay.keyId("KEY-B"))) {
            List<Map<String, Object>> found =
                    alerts(Map.of("keyId", keyId, "size", "1000")).getList("$");
            found.forEach(alert -> byId.put((String) alert.get("id"), alert));
        }
        for (String lineId : List.of(replay.lineId("line-1"), replay.lineId("line-2"))) {
            List<Map<String, Object>> found =
                    alerts(Map.of("lineId", lineId, "size", "1000")).getList("$");
            found.forEach(alert -> byId.put((String) alert.get("id"), alert));
        }
        return new ArrayList<>(byId.values());
    }

    private static Map<String, Long> expectedFiring() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(Files.readString(EXPECTED));
        Map<String, Long> firing = new TreeMap<>();
        expected.get("firingAlertsByRule")
                .fields()
                .forEachRemaining(
                        rule -> firing.put(rule.getKey(), rule.getValue().asLong()));
        return firing;
    }

    private static long processed(List<String> eventIds) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM processed_events WHERE event_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", eventIds.toArray());
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
