package dev.keyline.ledger.service;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A multi-row {@code INSERT ... VALUES (...), (...)} run through the batch's Hibernate Reactive session, so it takes
 * part in the batch's transaction. Rows go in chunks of at most 30,000 parameters, below PostgreSQL's limit of
 * 65,535 bind parameters per statement. Each parameter is cast to its column's type, so a null needs no Java type.
 * The cast is written {@code CAST(?n AS type)} because Hibernate's parser rejects {@code ?n::type} as an invalid
 * ordinal parameter label.
 *
 * @param table the table to insert into
 * @param columns the columns, each with the SQL type its parameter is cast to
 * @param suffix SQL after the VALUES list, such as {@code ON CONFLICT DO NOTHING}; may be empty
 */
record MultiRowInsert(String table, List<Column> columns, String suffix) {

    private static final int MAX_PARAMETERS = 30_000;

    /** A column and the SQL type its parameter is cast to, such as {@code timestamptz}. */
    record Column(String name, String type) {}

    /** Inserts the rows; {@code values} returns one row's parameters in column order. */
    <T> Uni<Void> execute(Mutiny.Session session, List<T> rows, Function<T, Object[]> values) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<T> chunk : chunks(rows)) {
            chain = chain.call(() -> bind(session.createNativeQuery(sql(chunk.size())), chunk, values)
                    .executeUpdate());
        }
        return chain;
    }

    /** Inserts the rows and returns the text values of the statement's {@code RETURNING} column. */
    <T> Uni<List<String>> returning(Mutiny.Session session, List<T> rows, Function<T, Object[]> values) {
        Uni<List<String>> chain = Uni.createFrom().item(new ArrayList<>());
        for (List<T> chunk : chunks(rows)) {
            chain = chain.call(
                    returned -> bind(session.createNativeQuery(sql(chunk.size()), String.class), chunk, values)
                            .getResultList()
                            .invoke(returned::addAll));
        }
        return chain;
    }

    private <T, Q extends Mutiny.AbstractQuery> Q bind(Q query, List<T> chunk, Function<T, Object[]> values) {
        int position = 1;
        for (T row : chunk) {
            Object[] parameters = values.apply(row);
            if (parameters.length != columns.size()) {
                throw new IllegalArgumentException("a row for " + table + " has " + parameters.length + " values for "
                        + columns.size() + " columns");
            }
            for (Object parameter : parameters) {
                query.setParameter(position++, parameter);
            }
        }
        return query;
    }

    private String sql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "" : ", ").append(columns.get(c).name());
        }
        sql.append(") VALUES ");
        int position = 1;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "CAST(?" : ", CAST(?")
                        .append(position++)
                        .append(" AS ")
                        .append(columns.get(c).type())
                        .append(')');
            }
            sql.append(')');
        }
        return suffix.isEmpty()
                ? sql.toString()
                : sql.append(' ').append(suffix).toString();
    }

    private <T> List<List<T>> chunks(List<T> rows) {
        int size = Math.max(1, MAX_PARAMETERS / columns.size());
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += size) {
            chunks.add(rows.subList(start, Math.min(rows.size(), start + size)));
        }
        return chunks;
    }
}
