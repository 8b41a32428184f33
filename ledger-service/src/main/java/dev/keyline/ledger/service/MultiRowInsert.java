package dev.keyline.ledger.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A multi-row {@code INSERT ... SELECT ... FROM unnest(...)} run on the batch's connection, so it takes part in the
 * batch's transaction. Each column's values travel as one typed array parameter, so a statement has as many
 * parameters as the table has columns, whatever the row count, and the PostgreSQL client sends them in binary form.
 * Rows are inserted in list order, so a {@code BIGSERIAL} column numbers them in that order.
 *
 * @param table the table to insert into
 * @param columns the columns, each with its SQL type
 * @param suffix SQL after the SELECT, such as {@code ON CONFLICT DO NOTHING}; may be empty
 */
record MultiRowInsert(String table, List<Column> columns, String suffix) {

    /** The Java element type bound for each SQL type. Timestamps are given as {@link Instant}s. */
    private static final Map<String, Class<?>> ELEMENT_TYPES = Map.of(
            "text", String.class,
            "int", Integer.class,
            "bigint", Long.class,
            "boolean", Boolean.class,
            "timestamptz", OffsetDateTime.class);

    /** A column and its SQL type: {@code text}, {@code int}, {@code bigint}, {@code boolean} or {@code timestamptz}. */
    record Column(String name, String type) {

        Column {
            if (!ELEMENT_TYPES.containsKey(type)) {
                throw new IllegalArgumentException("unsupported column type " + type + " for column " + name);
            }
        }
    }

    /** Inserts the rows; {@code values} returns one row's values in column order, an {@link Instant} per timestamp. */
    <T> Uni<Void> execute(SqlConnection connection, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql()).execute(bind(rows, values)).replaceWithVoid();
    }

    /** Inserts the rows and returns the text values of the statement's {@code RETURNING} column. */
    <T> Uni<List<String>> returning(SqlConnection connection, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery(sql()).execute(bind(rows, values)).map(MultiRowInsert::firstColumn);
    }

    private <T> Tuple bind(List<T> rows, Function<T, Object[]> values) {
        return arrays(table, columns, rows, values);
    }

    /**
     * Binds the rows as one typed array per column, in column order. {@code values} returns one row's values in
     * column order, an {@link Instant} per timestamp.
     */
    static <T> Tuple arrays(String table, List<Column> columns, List<T> rows, Function<T, Object[]> values) {
        // Every element type is a reference type, so each typed array can be filled as an Object[] without reflection.
        Object[][] arrays = new Object[columns.size()][];
        for (int c = 0; c < arrays.length; c++) {
            arrays[c] = (Object[])
                    Array.newInstance(ELEMENT_TYPES.get(columns.get(c).type()), rows.size());
        }
        for (int row = 0; row < rows.size(); row++) {
            Object[] parameters = values.apply(rows.get(row));
            if (parameters.length != arrays.length) {
                throw new IllegalArgumentException("a row for " + table + " has " + parameters.length + " values for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < parameters.length; c++) {
                Object value = parameters[c];
                arrays[c][row] = value instanceof Instant instant ? utc(instant) : value;
            }
        }
        return Tuple.tuple(List.of((Object[]) arrays));
    }

    /**
     * Returns the instant at offset zero without building a {@code ZoneRules}, as {@code Instant.atOffset} does on each
     * call, which showed in the ledger's profile (docs/BENCHMARKS.md).
     */
    static OffsetDateTime utc(Instant instant) {
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        return OffsetDateTime.of(local, ZoneOffset.UTC);
    }

    /** Returns {@code $1::type[], $2::type[], ...}: one array parameter per column. */
    static String arrayParameters(List<Column> columns) {
        List<String> parameters = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            parameters.add("$" + (c + 1) + "::" + columns.get(c).type() + "[]");
        }
        return String.join(", ", parameters);
    }

    private static List<String> firstColumn(RowSet<Row> rows) {
        List<String> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(row.getString(0));
        }
        return values;
    }

    private String sql() {
        List<String> names = columns.stream().map(Column::name).toList();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", names)
                + " FROM unnest(" + arrayParameters(columns) + ") WITH ORDINALITY AS rows ("
                + String.join(", ", names) + ", row_number) ORDER BY row_number";
        return suffix.isEmpty() ? sql : sql + " " + suffix;
    }
}
