package dev.keyline.ledger.service;

import io.smallrye.mutiny.Uni;
import java.lang.reflect.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A multi-row {@code INSERT ... SELECT ... FROM unnest(...)} run through the batch's Hibernate Reactive session, so
 * it takes part in the batch's transaction. Each column's values travel as one array parameter, so a statement has
 * as many parameters as the table has columns, whatever the row count. With one parameter per value instead,
 * Hibernate's handling of thousands of parameters topped the ledger's CPU profile. Rows are inserted in list order,
 * so a {@code BIGSERIAL} column numbers them in that order.
 *
 * @param table the table to insert into
 * @param columns the columns, each with its SQL type
 * @param suffix SQL after the SELECT, such as {@code ON CONFLICT DO NOTHING}; may be empty
 */
record MultiRowInsert(String table, List<Column> columns, String suffix) {

    /**
     * The Java element type bound for each SQL type. Timestamps travel as ISO-8601 text that the statement casts to
     * {@code timestamptz[]}, because Hibernate turns an array of {@code OffsetDateTime} into an array of
     * {@code Instant}, which the reactive PostgreSQL client cannot encode.
     */
    private static final Map<String, Class<?>> ELEMENT_TYPES = Map.of(
            "text", String.class,
            "int", Integer.class,
            "bigint", Long.class,
            "boolean", Boolean.class,
            "timestamptz", String.class);

    /** A column and its SQL type: {@code text}, {@code int}, {@code bigint}, {@code boolean} or {@code timestamptz}. */
    record Column(String name, String type) {

        Column {
            if (!ELEMENT_TYPES.containsKey(type)) {
                throw new IllegalArgumentException("unsupported column type " + type + " for column " + name);
            }
        }
    }

    /** Inserts the rows; {@code values} returns one row's values in column order, an {@link Instant} per timestamp. */
    <T> Uni<Void> execute(Mutiny.Session session, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return bind(session.createNativeQuery(sql()), rows, values)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Inserts the rows and returns the text values of the statement's {@code RETURNING} column. */
    <T> Uni<List<String>> returning(Mutiny.Session session, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return bind(session.createNativeQuery(sql(), String.class), rows, values)
                .getResultList();
    }

    private <T, Q extends Mutiny.AbstractQuery> Q bind(Q query, List<T> rows, Function<T, Object[]> values) {
        List<Object> arrays = new ArrayList<>();
        for (Column column : columns) {
            arrays.add(Array.newInstance(ELEMENT_TYPES.get(column.type()), rows.size()));
        }
        for (int row = 0; row < rows.size(); row++) {
            Object[] parameters = values.apply(rows.get(row));
            if (parameters.length != columns.size()) {
                throw new IllegalArgumentException("a row for " + table + " has " + parameters.length + " values for "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < parameters.length; c++) {
                Object value = parameters[c] instanceof Instant instant ? instant.toString() : parameters[c];
                Array.set(arrays.get(c), row, value);
            }
        }
        for (int c = 0; c < arrays.size(); c++) {
            query.setParameter(c + 1, arrays.get(c));
        }
        return query;
    }

    private String sql() {
        List<String> names = columns.stream().map(Column::name).toList();
        List<String> parameters = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String type = columns.get(c).type();
            String parameter = "CAST(?" + (c + 1) + " AS " + (type.equals("timestamptz") ? "text" : type) + "[])";
            parameters.add(type.equals("timestamptz") ? "CAST(" + parameter + " AS timestamptz[])" : parameter);
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", names)
                + " FROM unnest(" + String.join(", ", parameters) + ") WITH ORDINALITY AS rows ("
                + String.join(", ", names) + ", row_number) ORDER BY row_number";
        return suffix.isEmpty() ? sql : sql + " " + suffix;
    }
}
