package dev.keyline.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Dumps every row of every table in every user schema of a database as PostgreSQL's text form of the row. */
final class DatabaseDump {

    private static final String USER_TABLES = "SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
            + " ORDER BY 1, 2";

    /** One row as text, such as {@code (1,KEY-A,7QX4M,150)}; a bytea column appears as {@code \x} and hex. */
    record RowText(String table, String text) {}

    private DatabaseDump() {}

    static List<RowText> dump(DataSource dataSource) throws SQLException {
        List<RowText> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : userTables(statement)) {
                try (ResultSet result = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (result.next()) {
                        rows.add(new RowText(table, result.getString(1)));
                    }
                }
            }
        }
        return rows;
    }

    /** Returns the tables as quoted {@code "schema"."table"} names. */
    static List<String> userTables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(USER_TABLES)) {
            while (result.next()) {
                tables.add(quote(result.getString(1)) + "." + quote(result.getString(2)));
            }
        }
        return tables;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
