package dev.keyline.alert.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.embedded.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
 * Pruning of activation attempts and balance samples, with a retention of 30 days, on a database of its own: the
 * profile restarts the service with fresh test resources, so the newest fact is the one this test writes.
 */
@QuarkusTest
@TestProfile(FactPruningTest.OwnDatabase.class)
class FactPruningTest {

    private static final Instant NEWEST = Instant.parse("2026-11-30T12:00:00Z");

    @Inject
    FactPruning pruning;

    /** Restarts the service, and so its test resources, for this class alone. */
    public static class OwnDatabase implements io.quarkus.test.junit.QuarkusTestProfile {}

    @Test
    void oldFactsDeletedButLastOnesKept() throws Exception {
        attempt("a1", "SN-1", daysBefore(40), true);
        attempt("a2", "SN-1", daysBefore(35), true);
        attempt("a3", "SN-1", daysBefore(31), false);
        attempt("a4", "SN-1", daysBefore(0), true);
        attempt("a5", "SN-2", daysBefore(60), false);
        attempt("a6", "SN-2", daysBefore(45), true);
        attempt("a7", "SN-3", daysBefore(29), false);
        sample("s1", "KEY-1", daysBefore(50));
        sample("s2", "KEY-1", daysBefore(40));
        sample("s3", "KEY-1", daysBefore(31));
        sample("s4", "KEY-1", daysBefore(20));
        sample("s5", "KEY-1", daysBefore(0));
        sample("s6", "KEY-2", daysBefore(90));

        FactPruning.Pruned pruned = pruning.pruneNow();

        assertThat(pruned).isEqualTo(new FactPruning.Pruned(4, 2));
        assertThat(ids("SELECT event_id FROM activation_attempts ORDER BY event_id"))
                .as("each device's last success stays, and so does everything newer than the cutoff")
                .containsExactly("a4", "a6", "a7");
        assertThat(ids("SELECT event_id FROM balance_samples ORDER BY event_id"))
                .as("each key's last sample before the cutoff stays")
                .containsExactly("s3", "s4", "s5", "s6");
        assertThat(pruning.pruneNow()).as("a second pruning").isEqualTo(new FactPruning.Pruned(0, 0));
    }

    private static Instant daysBefore(int days) {
        return NEWEST.minus(Duration.ofDays(days));
    }

    private static void attempt(String eventId, String serial, Instant at, boolean success) throws Exception {
        execute(
                "INSERT INTO activation_attempts (event_id, serial, key_id, line_id, station_id, at, success, result)"
                        + " VALUES (?, ?, 'KEY-1', 'line-1', 'activation-01', ?, ?, ?)",
                eventId,
                serial,
                Timestamp.from(at),
                success,
                success ? "success" : "0xC004C003");
    }

    private static void sample(String eventId, String keyId, Instant at) throws Exception {
        execute(
                "INSERT INTO balance_samples (event_id, key_id, at, available) VALUES (?, ?, ?, 10)",
                eventId,
                keyId,
                Timestamp.from(at));
    }

    private static void execute(String sql, Object... parameters) throws Exception {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> ids(String sql) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
