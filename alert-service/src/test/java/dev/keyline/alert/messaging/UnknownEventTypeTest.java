package dev.keyline.alert.messaging;

import static dev.keyline.alert.support.AlertsApi.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.Topics;
import dev.keyline.schemas.events.DeviceLicenseReported;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Line events that no rule watches, including a valid type this version does not know, change nothing. */
@QuarkusTest
class UnknownEventTypeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void unknownTypeIgnoredNotDeadLettered() throws SQLException {
        String lineId = TestEvents.uniqueId("line");
        String unknownId = UUID.randomUUID().toString();
        String unknown = "{\"specversion\": \"1.0\", \"id\": \"" + unknownId + "\", \"source\": \"/lines/" + lineId
                + "/stations/qa-01\", \"type\": \"keyline.device.recalled.v1\", \"subject\": \"SN-1\", \"time\": \""
                + Instant.now() + "\", \"datacontenttype\": \"application/json\", \"data\": {\"lineId\": \"" + lineId
                + "\"}}";
        CloudEvent<DeviceLicenseReported> license = CloudEvent.create(
                CloudEvent.lineSource(lineId, "qa-01"),
                "SN-1",
                Instant.now(),
                new DeviceLicenseReported("SN-1", lineId, "qa-01", "7QX4M", "OEM:DM", "licensed", null, "slmgr"));
        CloudEvent<?> qaPassed = TestEvents.step("SN-1", lineId, null, "qa-passed");
        // An exposure after them on the same partition shows when the three were processed.
        CloudEvent<?> marker = TestEvents.exposure(lineId, "SN-1");

        KafkaTestClient.sendAll(
                Topics.LINE_EVENTS,
                lineId,
                List.of(unknown, TestEvents.encode(license), TestEvents.encode(qaPassed), TestEvents.encode(marker)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(alerts(Map.of("lineId", lineId)).getList("rule"))
                        .containsExactly("key-exposure"));
        assertThat(processed(unknownId)).isTrue();
        assertThat(processed(license.id())).isTrue();
        assertThat(processed(qaPassed.id())).isTrue();
        assertThat(KafkaTestClient.readAll(Topics.LINE_EVENTS_DLQ))
                .noneMatch(record -> record.value().contains(unknownId));
    }

    private static boolean processed(String eventId) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT topic FROM processed_events WHERE event_id = ?")) {
            statement.setString(1, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && Topics.LINE_EVENTS.equals(rows.getString(1));
            }
        }
    }
}
