package dev.keyline.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** Statements of the test database that wait for a lock, for tests that hold a transaction open against the ledger. */
public final class LockWaits {

    private LockWaits() {}

    /**
     * Counts the statements that start with one of these prefixes and wait for a lock. Call it on a connection outside
     * the open transaction, because PostgreSQL keeps one snapshot of {@code pg_stat_activity} for a whole transaction.
     */
    public static int count(Connection connection, String... statementPrefixes) throws SQLException {
        Array patterns = connection.createArrayOf(
                "text",
                Arrays.stream(statementPrefixes).map(prefix -> prefix + "%").toArray());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity" + " WHERE wait_event_type = 'Lock' AND query LIKE ANY (?)")) {
            statement.setArray(1, patterns);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
