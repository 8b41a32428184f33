package dev.keyline.station.support;

import static org.awaitility.Awaitility.await;

import dev.keyline.embedded.PostgresTestResource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on the test database, for checks that must not go through the service. */
public final class TestDatabase {

    private TestDatabase() {}

    /** Waits until the outbox relay has published every row, so the topic contains everything accepted so far. */
    public static void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> queryLong("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
    }

    public static long queryLong(String sql) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Returns the text in the first column of the query's first row. */
    public static String queryString(String sql) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the rows it changed. */
    public static int execute(String sql) throws SQLException {
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** Returns every row of every table in the public schema as text, one string per row. */
    public static List<String> dumpAllTables() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet dump = statement.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
                    while (dump.next()) {
                        rows.add(table + ": " + dump.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
