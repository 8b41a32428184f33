package dev.keyline.ledger.service;

import dev.keyline.ledger.service.MultiRowInsert.Column;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Function;

/**
 * A multi-row {@code UPDATE ... FROM unnest(...)} run on the batch's connection, with one typed array parameter per
 * column as in {@link MultiRowInsert}. Each row updates the stored row with the same value in the first column, and
 * a row whose first column matches no stored row changes nothing.
 *
 * @param table the table to update
 * @param columns the columns, the first being the one that identifies a row; the others are set
 */
record MultiRowUpdate(String table, List<Column> columns) {

    MultiRowUpdate {
        if (columns.size() < 2) {
            throw new IllegalArgumentException("an update of " + table + " needs a key column and a column to set");
        }
    }

    /** Updates the rows. {@code values} returns one row's values in column order, an {@code Instant} per timestamp. */
    <T> Uni<Void> execute(SqlConnection connection, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(sql())
                .execute(MultiRowInsert.arrays(table, columns, rows, values))
                .replaceWithVoid();
    }

    String sql() {
        List<String> names = columns.stream().map(Column::name).toList();
        String key = names.get(0);
        List<String> assignments = names.subList(1, names.size()).stream()
                .map(name -> name + " = rows." + name)
                .toList();
        return "UPDATE " + table + " AS stored SET " + String.join(", ", assignments) + " FROM unnest("
                + MultiRowInsert.arrayParameters(columns) + ") AS rows (" + String.join(", ", names) + ") WHERE stored."
                + key + " = rows." + key;
    }
}
