package dev.keyline.launcher;

import dev.keyline.embedded.EmbeddedPostgresServer;
import dev.keyline.embedded.PostgresDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/** The stack's PostgreSQL: an embedded server in the work directory, or an external one named by the settings. */
public final class PostgresBackend implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresBackend.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String ADMIN_DATABASE = "postgres";

    private final PostgresAddress address;
    private final EmbeddedPostgresServer embedded;

    private PostgresBackend(PostgresAddress address, EmbeddedPostgresServer embedded) {
        this.address = address;
        this.embedded = embedded;
    }

    /**
     * Connects to the external server if the settings name one, else starts the embedded server in {@code
     * dataDirectory}.
     */
    public static PostgresBackend start(StackSettings settings, Path dataDirectory) throws IOException {
        if (settings.externalPostgresHost().isPresent()) {
            PostgresAddress address = new PostgresAddress(
                    settings.externalPostgresHost().get(),
                    settings.postgresPort(),
                    settings.postgresUser(),
                    settings.postgresPassword());
            LOG.infof("using external PostgreSQL %s", address);
            return new PostgresBackend(address, null);
        }

        LOG.infof("starting PostgreSQL on %s:%d, data directory %s", LOOPBACK, settings.postgresPort(), dataDirectory);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDirectory, settings.postgresPort());
        PostgresAddress address = new PostgresAddress(
                LOOPBACK, server.port(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        LOG.infof("PostgreSQL is ready on %s:%d", LOOPBACK, server.port());
        return new PostgresBackend(address, server);
    }

    public PostgresAddress address() {
        return address;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(Collection<String> names) throws SQLException {
        DataSource admin = dataSource(ADMIN_DATABASE);
        for (String name : names) {
            PostgresDatabases.create(admin, name);
            LOG.debugf("database %s exists", name);
        }
    }

    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {address.host()});
        dataSource.setPortNumbers(new int[] {address.port()});
        dataSource.setDatabaseName(database);
        dataSource.setUser(address.user());
        dataSource.setPassword(address.password());
        return dataSource;
    }

    /** Stops the embedded server; an external server is left running. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            LOG.infof("PostgreSQL on %s:%d stopped", address.host(), address.port());
        }
    }
}
