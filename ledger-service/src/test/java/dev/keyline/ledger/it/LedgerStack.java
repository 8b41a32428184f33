package dev.keyline.ledger.it;

import dev.keyline.embedded.EmbeddedPostgresServer;
import dev.keyline.embedded.FreePorts;
import dev.keyline.embedded.StandaloneKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The servers of one integration test: a Kafka broker in a child JVM, a throw-away PostgreSQL with the ledger's
 * database, and the ledger processes the test starts. All listen on 127.0.0.1, and {@link #close()} stops them all.
 */
public final class LedgerStack implements AutoCloseable {

    public static final String DATABASE = "keyline_ledger";
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** The plain operator token of the tests; the ledger gets only its SHA-256, with operator and auditor roles. */
    public static final String OPERATOR_TOKEN = "ledger-it-operator-token";

    private static final Logger LOG = Logger.getLogger(LedgerStack.class);
    private static final String FINGERPRINT_SECRET = "ledger-it-fingerprint-secret-of-32-chars";

    private final Path workDirectory;
    private final Path jar;
    private final StandaloneKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final List<LedgerProcess> ledgers = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::killLedgers, "ledger-it-shutdown");

    private LedgerStack(Path workDirectory, Path jar, StandaloneKafka kafka, EmbeddedPostgresServer postgres) {
        this.workDirectory = workDirectory;
        this.jar = jar;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts Kafka and PostgreSQL for the test {@code testName}, in a fresh directory {@code <work>/<testName>}. The
     * work directory and the ledger jar come from the system properties that failsafe sets.
     */
    public static LedgerStack start(String testName) throws IOException, InterruptedException, SQLException {
        Path work = Path.of(System.getProperty("ledger.it.work-directory", "target/it"))
                .toAbsolutePath()
                .resolve(testName);
        Path jar = Path.of(System.getProperty("ledger.it.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);

        StandaloneKafka kafka = new StandaloneKafka(work.resolve("kafka"), FreePorts.find(), FreePorts.find());
        kafka.start();
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.startEphemeral();
            postgres.createDatabase(DATABASE);
        } catch (IOException | SQLException | RuntimeException e) {
            kafka.stop();
            throw e;
        }
        LedgerStack stack = new LedgerStack(work, jar, kafka, postgres);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        return stack;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public DataSource database() {
        return postgres.database(DATABASE);
    }

    /**
     * Starts a ledger with the stack's Kafka and database and waits until it is ready. {@code properties} are
     * configuration properties passed as system properties, which take precedence over the environment and
     * application.properties, such as {@code mp.messaging.incoming.line-events.group.id}. An environment variable
     * would not do for a property that application.properties lacks: SmallRye Config cannot tell that
     * {@code MP_MESSAGING_INCOMING_LINE_EVENTS_ENABLED} names the channel {@code line-events} and not
     * {@code line.events}.
     */
    public LedgerProcess startLedger(String name, Map<String, String> properties)
            throws IOException, InterruptedException {
        LedgerProcess ledger = spawnLedger(name, properties);
        ledger.awaitReady(READY_TIMEOUT);
        return ledger;
    }

    /** Starts a ledger process like {@link #startLedger} but returns without waiting until it is ready. */
    public LedgerProcess spawnLedger(String name, Map<String, String> properties) throws IOException {
        int port = FreePorts.find();
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("KEYLINE_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE);
        environment.put("KEYLINE_DB_REACTIVE_URL", "postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE);
        environment.put("KEYLINE_DB_USER", EmbeddedPostgresServer.USER);
        environment.put("KEYLINE_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("KEYLINE_KEYS_FINGERPRINT_SECRET", FINGERPRINT_SECRET);
        environment.put("KEYLINE_AUTH_TOKENS", sha256Hex(OPERATOR_TOKEN) + ":operator:operator+auditor");

        LedgerProcess ledger =
                LedgerProcess.start(name, jar, environment, properties, port, workDirectory.resolve(name + ".log"));
        synchronized (ledgers) {
            ledgers.add(ledger);
        }
        return ledger;
    }

    /** Drops the ledger's database, closing its connections, and creates it empty. Stop every ledger first. */
    public void recreateDatabase() throws SQLException {
        try (Connection connection = postgres.database("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
        postgres.createDatabase(DATABASE);
        LOG.infof("database %s dropped and created empty", DATABASE);
    }

    /** Kills the ledgers that still run, then stops Kafka and PostgreSQL. */
    @Override
    public void close() throws IOException, InterruptedException {
        killLedgers();
        try {
            kafka.stop();
        } finally {
            postgres.close();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
    }

    private void killLedgers() {
        synchronized (ledgers) {
            for (LedgerProcess ledger : ledgers) {
                try {
                    if (ledger.isAlive()) {
                        ledger.kill();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LOG.warnf("interrupted while killing ledger %s (pid %d)", ledger.name(), ledger.pid());
                }
            }
        }
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
