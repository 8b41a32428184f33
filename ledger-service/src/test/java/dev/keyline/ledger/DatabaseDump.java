package dev.keyline.ledger;

import dev.keyline.embedded.PostgresTestResource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row of every table of the test database as text, for checks that a value was never stored. */
public final class DatabaseDump {

    private DatabaseDump() {}

    public static String allRowsAsText() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = PostgresTestResource.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(
                    "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables"
                            + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rows.next()) {
                        dump.append(table).append(' ').append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}
