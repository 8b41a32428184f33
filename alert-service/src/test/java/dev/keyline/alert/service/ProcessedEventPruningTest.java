package dev.keyline.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.alert.support.AlertsApi;
import dev.keyline.embedded.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pruning of applied event ids older than the retention of 30 days, on the database of {@link FactPruningTest}'s
 * profile, where no other test processes events.
 */
@QuarkusTest
@TestProfile(FactPruningTest.OwnDatabase.class)
class ProcessedEventPruningTest {

    private static final String LINE_EVENTS = "keyline.line-events";
    private static final String LEDGER_EVENTS = "keyline.ledger-events";
    private static final String LINE_EVENTS_DLQ = "keyline.line-events.dlq";

    @Inject
    ProcessedEventPruning pruning;

    @Test
    void oldIdsDeletedAndStillCounted() throws Exception {
        Instant now = Instant.now();
        processed("p1", LINE_EVENTS, now.minus(Duration.ofDays(45)));
        processed("p2", LINE_EVENTS, now.minus(Duration.ofDays(31)));
        processed("p3", LINE_EVENTS, now.minus(Duration.ofDays(29)));
        processed("p4", LEDGER_EVENTS, now.minus(Duration.ofDays(40)));
        processed("p5", LEDGER_EVENTS, now);
        processed("p6", LINE_EVENTS_DLQ, now.minus(Duration.ofDays(60)));
        JsonPath before = AlertsApi.status();

        long deleted = pruning.pruneNow();

        assertThat(deleted).isEqualTo(4);
        assertThat(ids()).containsExactly("p3", "p5");
        JsonPath after = AlertsApi.status();
        assertThat(after.getLong("lineEventsProcessed")).isEqualTo(before.getLong("lineEventsProcessed"));
        assertThat(after.getLong("ledgerEventsProcessed")).isEqualTo(before.getLong("ledgerEventsProcessed"));
        assertThat(after.getLong("deadLettersProcessed")).isEqualTo(before.getLong("deadLettersProcessed"));
        assertThat(pruning.pruneNow()).as("a second pruning").isZero();
    }

    @Test
    void countsAddUpOverPrunings() throws Exception {
        Instant old = Instant.now().minus(Duration.ofDays(90));
        JsonPath before = AlertsApi.status();
        processed("q1", LINE_EVENTS, old);
        pruning.pruneNow();
        processed("q2", LINE_EVENTS, old);
        processed("q3", LINE_EVENTS, Instant.now());

        assertThat(pruning.pruneNow()).isEqualTo(1);
        assertThat(AlertsApi.status().getLong("lineEventsProcessed"))
                .isEqualTo(before.getLong("lineEventsProcessed") + 3);
    }

    private static void processed(String eventId, String topic, Instant at) throws Exception {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO processed_events (event_id, topic, processed_at) VALUES (?, ?, ?)")) {
            statement.setString(1, eventId);
            statement.setString(2, topic);
            statement.setTimestamp(3, Timestamp.from(at));
            statement.executeUpdate();
        }
    }

    private static List<String> ids() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT event_id FROM processed_events WHERE event_id LIKE 'p%' ORDER BY event_id");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
