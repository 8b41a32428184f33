package dev.keyline.benchmark;

import dev.keyline.schemas.EventIds;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Measures how fast PostgreSQL takes ledger-shaped rows. The rows have the columns, primary key and
 * {@code (key_id, seq)} index of the ledger's journal. They are written over several connections, in batches of one
 * transaction each, by COPY or by multi-row INSERT.
 */
final class PostgresInsertRate {

    private static final Logger LOG = Logger.getLogger(PostgresInsertRate.class);
    private static final int COPY_BATCH = 5_000;
    /** 1,000 rows of 9 parameters stay far below PostgreSQL's limit of 65,535 parameters per statement. */
    private static final int INSERT_BATCH = 1_000;

    /** The statement that sends the rows. */
    enum Method {
        COPY,
        MULTI_ROW_INSERT
    }

    private PostgresInsertRate() {}

    /** Creates the table afresh and writes {@code rows} rows over {@code connections} connections. */
    static Rate measure(DataSource database, Method method, int rows, int connections)
            throws SQLException, InterruptedException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS journal_raw");
            statement.execute(JournalTable.create("journal_raw"));
        }
        LOG.infof("inserting %,d journal-like rows by %s over %d connections", rows, method, connections);

        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Long>> writers = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                int from = (int) ((long) rows * c / connections);
                int to = (int) ((long) rows * (c + 1) / connections);
                writers.add(pool.submit(() -> write(database, method, from, to)));
            }
            long written = 0;
            for (Future<Long> writer : writers) {
                written += writer.get();
            }
            return Rate.since(written, start);
        } catch (ExecutionException e) {
            throw new IllegalStateException("inserting journal-like rows by " + method + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long write(DataSource database, Method method, int from, int to) throws SQLException, IOException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            int batch = method == Method.COPY ? COPY_BATCH : INSERT_BATCH;
            for (int first = from; first < to; first += batch) {
                int last = Math.min(to, first + batch);
                if (method == Method.COPY) {
                    copy(connection, first, last);
                } else {
                    insert(connection, first, last);
                }
            }
        }
        return to - from;
    }

    private static void copy(Connection connection, int first, int last) throws SQLException, IOException {
        StringBuilder text = new StringBuilder((last - first) * 256);
        for (int row = first; row < last; row++) {
            text.append(keyId(row))
                    .append('\t')
                    .append(EventIds.next())
                    .append("\tCONSUMED\t")
                    .append(serial(row))
                    .append("\t0\t-1\t1\t")
                    .append(occurredAt(row))
                    .append('\t')
                    .append(JournalTable.HASH)
                    .append('\t')
                    .append(JournalTable.HASH)
                    .append('\n');
        }
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "COPY journal_raw (" + JournalTable.COLUMNS + ") FROM STDIN",
                        new StringReader(text.toString()));
    }

    private static void insert(Connection connection, int first, int last) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO journal_raw (" + JournalTable.COLUMNS + ") VALUES ");
        for (int row = first; row < last; row++) {
            sql.append(row == first ? "" : ",").append("(?, ?, 'CONSUMED', ?, 0, -1, 1, ?, ?, ?)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (int row = first; row < last; row++) {
                statement.setString(parameter++, keyId(row));
                statement.setString(parameter++, EventIds.next());
                statement.setString(parameter++, serial(row));
                statement.setTimestamp(parameter++, Timestamp.from(occurredAt(row)));
                statement.setString(parameter++, JournalTable.HASH);
                statement.setString(parameter++, JournalTable.HASH);
            }
            statement.executeUpdate();
        }
    }

    private static String keyId(int row) {
        return "BENCH-0" + (row % 8 + 1);
    }

    private static String serial(int row) {
        return "BN-" + row;
    }

    private static Instant occurredAt(int row) {
        return Instant.parse("2026-11-02T06:00:00Z").plusSeconds(row);
    }
}
