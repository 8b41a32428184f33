package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.JournalRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a key's journal entries in journal order, a page of entries per query, each page after the last {@code seq}
 * of the one before. Run it in one transaction with a snapshot (repeatable read) so the pages fit together while
 * bookings go on.
 */
final class JournalPages {

    private static final String COLUMNS = "SELECT seq, key_id, event_id, entry_type, serial, allotment_delta,"
            + " committed_delta, consumed_delta, occurred_at, prev_hash, hash, booked_at FROM journal";

    private static final String ALL = COLUMNS + " WHERE key_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";

    private static final String BOOKED_IN_RANGE =
            COLUMNS + " WHERE key_id = $1 AND seq > $2 AND booked_at >= $4 AND booked_at < $5 ORDER BY seq LIMIT $3";

    private JournalPages() {}

    /** Gives {@code page} every entry of the key, {@code rowsPerRead} at a time. */
    static Uni<Void> forEach(SqlConnection connection, String keyId, int rowsPerRead, Consumer<List<JournalRow>> page) {
        return from(connection, ALL, keyId, null, null, 0, rowsPerRead, page);
    }

    /** Gives {@code page} every entry of the key booked in {@code [from, to)}, {@code rowsPerRead} at a time. */
    static Uni<Void> forEachBooked(
            SqlConnection connection,
            String keyId,
            Instant from,
            Instant to,
            int rowsPerRead,
            Consumer<List<JournalRow>> page) {
        return from(connection, BOOKED_IN_RANGE, keyId, from, to, 0, rowsPerRead, page);
    }

    private static Uni<Void> from(
            SqlConnection connection,
            String sql,
            String keyId,
            Instant from,
            Instant to,
            long afterSeq,
            int rowsPerRead,
            Consumer<List<JournalRow>> page) {
        Tuple parameters = Tuple.of(keyId, afterSeq, rowsPerRead);
        if (from != null) {
            parameters.addValue(MultiRowInsert.utc(from)).addValue(MultiRowInsert.utc(to));
        }
        return connection.preparedQuery(sql).execute(parameters).chain(rows -> {
            List<JournalRow> entries = rows(rows);
            page.accept(entries);
            if (entries.size() < rowsPerRead) {
                return Uni.createFrom().voidItem();
            }
            long lastSeq = entries.get(entries.size() - 1).seq();
            return from(connection, sql, keyId, from, to, lastSeq, rowsPerRead, page);
        });
    }

    private static List<JournalRow> rows(RowSet<Row> rows) {
        List<JournalRow> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            entries.add(new JournalRow(
                    row.getLong("seq"),
                    row.getString("key_id"),
                    row.getString("event_id"),
                    EntryType.valueOf(row.getString("entry_type")),
                    row.getString("serial"),
                    row.getLong("allotment_delta"),
                    row.getInteger("committed_delta"),
                    row.getInteger("consumed_delta"),
                    instant(row.getOffsetDateTime("occurred_at")),
                    row.getString("prev_hash"),
                    row.getString("hash"),
                    instant(row.getOffsetDateTime("booked_at"))));
        }
        return entries;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
