package dev.keyline.benchmark;

import dev.keyline.schemas.EventIds;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.postgresql.copy.CopyManager;

/**
 * Measures how fast PostgreSQL takes, by COPY, every row the ledger writes for the benchmark's events. That is the
 * journal entry and the device history row of each event, and one device row per device, because a device's
 * provisioning and activation share a batch. The tables repeat the columns and indexes of the ledger's
 * {@code journal}, {@code device_events} and {@code devices} after migration V9. The rate counts events.
 */
final class LedgerRowsCopyRate {

    private static final Logger LOG = Logger.getLogger(LedgerRowsCopyRate.class);
    /** Devices per COPY transaction: 5,000 devices are 10,000 events. */
    private static final int DEVICES_PER_BATCH = 5_000;

    private static final String CREATE =
            """
            DROP TABLE IF EXISTS rows_journal, rows_device_events, rows_devices;
            %s
            CREATE TABLE rows_device_events (
                seq         BIGSERIAL,
                serial      TEXT        COLLATE "C" NOT NULL,
                event_id    TEXT        COLLATE "C" PRIMARY KEY,
                event_type  TEXT        NOT NULL,
                key_id      TEXT        COLLATE "C",
                line_id     TEXT        COLLATE "C",
                station_id  TEXT,
                detail      TEXT,
                occurred_at TIMESTAMPTZ NOT NULL,
                booked_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
                effect      TEXT        NOT NULL DEFAULT '',
                result      TEXT
            );
            CREATE INDEX rows_device_events_serial ON rows_device_events (serial, seq);
            CREATE TABLE rows_devices (
                serial                 TEXT        COLLATE "C" PRIMARY KEY,
                key_id                 TEXT        COLLATE "C",
                partial_key            CHAR(5),
                line_id                TEXT        COLLATE "C",
                station_id             TEXT,
                method                 TEXT,
                status                 TEXT        NOT NULL,
                activation_attempts    INT         NOT NULL DEFAULT 0,
                successful_activations INT         NOT NULL DEFAULT 0,
                last_result            TEXT,
                provisioned_at         TIMESTAMPTZ,
                activated_at           TIMESTAMPTZ,
                hardware_hash          TEXT,
                uwf_enabled            BOOLEAN,
                reactivations          INT         NOT NULL DEFAULT 0
            );
            CREATE INDEX rows_devices_key_id ON rows_devices (key_id);
            CREATE INDEX rows_devices_line_id ON rows_devices (line_id);
            """
                    .formatted(JournalTable.create("rows_journal"));

    private LedgerRowsCopyRate() {}

    /** Creates the tables afresh and copies the rows of {@code events} events over {@code connections} connections. */
    static Rate measure(DataSource database, int events, int connections) throws SQLException, InterruptedException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
        int devices = events / 2;
        LOG.infof("copying the ledger's rows of %,d events over %d connections", events, connections);

        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Long>> writers = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                int from = (int) ((long) devices * c / connections);
                int to = (int) ((long) devices * (c + 1) / connections);
                writers.add(pool.submit(() -> write(database, from, to)));
            }
            long written = 0;
            for (Future<Long> writer : writers) {
                written += writer.get();
            }
            return Rate.since(written, start);
        } catch (ExecutionException e) {
            throw new IllegalStateException("copying the ledger's rows failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Copies the rows of devices {@code from} to {@code to}, one transaction per batch; returns the event count. */
    private static long write(DataSource database, int from, int to) throws SQLException, IOException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int first = from; first < to; first += DEVICES_PER_BATCH) {
                int last = Math.min(to, first + DEVICES_PER_BATCH);
                copyBatch(copy, first, last);
                connection.commit();
            }
        }
        return 2L * (to - from);
    }

    private static void copyBatch(CopyManager copy, int first, int last) throws SQLException, IOException {
        StringBuilder journal = new StringBuilder((last - first) * 512);
        StringBuilder history = new StringBuilder((last - first) * 400);
        StringBuilder devices = new StringBuilder((last - first) * 200);
        for (int device = first; device < last; device++) {
            String key = "BENCH-0" + (device % 8 + 1);
            String serial = "BN-" + device;
            Instant provisioned = Instant.parse("2026-11-02T06:00:00Z").plusSeconds(device);
            Instant activated = provisioned.plusSeconds(60);
            String provisioning = EventIds.next();
            String activation = EventIds.next();

            journal.append(journalRow(key, provisioning, "COMMITTED", serial, "1\t0", provisioned));
            journal.append(journalRow(key, activation, "CONSUMED", serial, "-1\t1", activated));
            history.append(historyRow(serial, provisioning, "keyline.device.provisioned.v1", key, provisioned)
                    .append("provisioned by oa3tool (committed)\tCOMMITTED\t\\N\n"));
            history.append(historyRow(serial, activation, "keyline.activation.attempted.v1", key, activated)
                    .append("activation by online: success (consumed)\tCONSUMED\tsuccess\n"));
            devices.append(serial)
                    .append('\t')
                    .append(key)
                    .append("\tAB1CD\tline-1\tstation-1\toa3tool\tACTIVATED")
                    .append("\t1\t1\tsuccess\t")
                    .append(provisioned)
                    .append('\t')
                    .append(activated)
                    .append("\t\\N\t\\N\t0\n");
        }
        copy.copyIn(
                "COPY rows_journal (" + JournalTable.COLUMNS + ") FROM STDIN", new StringReader(journal.toString()));
        copy.copyIn(
                "COPY rows_device_events (serial, event_id, event_type, key_id, line_id, station_id,"
                        + " occurred_at, detail, effect, result) FROM STDIN",
                new StringReader(history.toString()));
        copy.copyIn(
                "COPY rows_devices (serial, key_id, partial_key, line_id, station_id, method, status,"
                        + " activation_attempts, successful_activations, last_result, provisioned_at, activated_at,"
                        + " hardware_hash, uwf_enabled, reactivations) FROM STDIN",
                new StringReader(devices.toString()));
    }

    private static String journalRow(
            String key, String eventId, String type, String serial, String deltas, Instant occurredAt) {
        return key + '\t' + eventId + '\t' + type + '\t' + serial + "\t0\t" + deltas + '\t' + occurredAt + '\t'
                + JournalTable.HASH + '\t' + JournalTable.HASH + '\n';
    }

    private static StringBuilder historyRow(String serial, String eventId, String type, String key, Instant time) {
        return new StringBuilder()
                .append(serial)
                .append('\t')
                .append(eventId)
                .append('\t')
                .append(type)
                .append('\t')
                .append(key)
                .append("\tline-1\tstation-1\t")
                .append(time)
                .append('\t');
    }
}
