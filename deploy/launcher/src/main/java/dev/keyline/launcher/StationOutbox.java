package dev.keyline.launcher;

import dev.keyline.schemas.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Counts the line events that the station-service has written to its transactional outbox, the {@code outbox} table
 * of the platform library. The station writes a report's events there before it returns 202, so a count taken after
 * the last 202 covers every event of the scenario. That includes events that the 202 body does not announce, such as a
 * {@code keyline.device.step-completed.v1} event for a provisioning report with {@code keyCleared} true.
 */
public final class StationOutbox {

    // Sent rows that the station pruned are counted in outbox_pruned.
    private static final String COUNT_LINE_EVENTS = "SELECT (SELECT count(*) FROM outbox WHERE topic = ?)"
            + " + coalesce((SELECT row_count FROM outbox_pruned WHERE topic = ?), 0)";

    private final DataSource dataSource;

    public StationOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String COUNT_UNSENT = "SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL";

    /** Returns the number of outbox rows for {@code keyline.line-events} that the relay has not sent yet. */
    public long unsentLineEvents() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT_UNSENT)) {
            statement.setString(1, Topics.LINE_EVENTS);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Returns the number of outbox rows for {@code keyline.line-events}: sent, unsent and pruned. */
    public long lineEventCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COUNT_LINE_EVENTS)) {
            statement.setString(1, Topics.LINE_EVENTS);
            statement.setString(2, Topics.LINE_EVENTS);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
