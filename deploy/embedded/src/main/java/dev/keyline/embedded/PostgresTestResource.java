package dev.keyline.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Gives a {@code @QuarkusTest} a real PostgreSQL on a random port with one database, named by the init argument
 * {@code database} (default {@code keyline}), and points both the JDBC and the reactive datasource at it.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile DataSource dataSource;

    private EmbeddedPostgresServer server;
    private String database = "keyline";

    /** The test database, for tests that inspect tables directly. */
    public static DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = EmbeddedPostgresServer.startEphemeral();
            server.createDatabase(database);
            dataSource = server.database(database);
        } catch (Exception e) {
            throw new IllegalStateException("failed to start the test PostgreSQL", e);
        }
        String hostAndDatabase = "127.0.0.1:" + server.port() + "/" + database;
        return Map.of(
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + hostAndDatabase,
                "quarkus.datasource.reactive.url",
                "postgresql://" + hostAndDatabase,
                "quarkus.datasource.username",
                EmbeddedPostgresServer.USER,
                "quarkus.datasource.password",
                EmbeddedPostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("failed to stop the test PostgreSQL", e);
        }
    }
}
