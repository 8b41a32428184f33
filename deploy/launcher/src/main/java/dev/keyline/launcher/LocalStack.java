package dev.keyline.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Kafka, PostgreSQL and the three services, started together and stopped by {@link #close()}. Used by
 * {@link KeylineLauncher} and, in-process, by the end-to-end test.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalStack.class);
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Settings of the stack to start.
     *
     * @param repositoryRoot the checkout whose services' {@code quarkus-run.jar} files are run
     * @param workDirectory where Kafka and PostgreSQL keep data, the services write logs, and the fingerprint secret is
     *     kept
     * @param stationPrincipals the {@code lineId/stationId} pairs that get a station token
     */
    public record Config(
            Path repositoryRoot, Path workDirectory, StackSettings settings, Collection<String> stationPrincipals) {

        public Config {
            repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
            workDirectory = workDirectory.toAbsolutePath().normalize();
            stationPrincipals = List.copyOf(stationPrincipals);
        }
    }

    private final Config config;
    private final HttpJson http = new HttpJson(REQUEST_TIMEOUT);
    private final Map<KeylineService, ServiceProcess> services = new EnumMap<>(KeylineService.class);
    private PostgresBackend postgres;
    private KafkaBackend kafka;
    private AccessTokens tokens;
    private boolean closed;

    private LocalStack(Config config) {
        this.config = config;
    }

    /** Starts everything and waits until each service is ready; on failure stops what was started and throws. */
    public static LocalStack start(Config config) throws IOException, InterruptedException, SQLException {
        checkServicesBuilt(config.repositoryRoot());
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws IOException, InterruptedException, SQLException {
        Path workDirectory = config.workDirectory();
        Files.createDirectories(logDirectory());
        String fingerprintSecret = FingerprintSecret.loadOrCreate(workDirectory.resolve("fingerprint-secret"));

        postgres = PostgresBackend.start(config.settings(), workDirectory.resolve("postgres"));
        postgres.createDatabases(databases());
        kafka = KafkaBackend.start(config.settings(), workDirectory.resolve("kafka"));

        tokens = AccessTokens.generate(config.stationPrincipals());
        tokens.writeTo(workDirectory.resolve("tokens"));
        for (KeylineService service : KeylineService.values()) {
            int port = config.settings().servicePort(service);
            Map<String, String> environment = ServiceEnvironment.build(
                    service, port, kafka.bootstrapServers(), postgres.address(), tokens, fingerprintSecret);
            services.put(
                    service,
                    ServiceProcess.start(
                            service,
                            service.runnableJar(config.repositoryRoot()),
                            environment,
                            port,
                            workDirectory,
                            logDirectory().resolve(service.moduleName() + ".log")));
        }
        for (ServiceProcess process : services.values()) {
            process.awaitReady(http, READY_TIMEOUT);
        }
    }

    /** Throws when a service's jar is missing, before anything is started. */
    public static void checkServicesBuilt(Path repositoryRoot) {
        List<String> missing = new ArrayList<>();
        for (KeylineService service : KeylineService.values()) {
            Path jar = service.runnableJar(repositoryRoot);
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new ServiceStartException("services are not built, missing " + String.join(", ", missing)
                    + "; run './mvnw -B -DskipTests install' in " + repositoryRoot);
        }
    }

    private static Set<String> databases() {
        return Set.of(
                KeylineService.STATION.database(), KeylineService.LEDGER.database(), KeylineService.ALERT.database());
    }

    public URI serviceUrl(KeylineService service) {
        return services.get(service).url();
    }

    public AccessTokens tokens() {
        return tokens;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresBackend postgres() {
        return postgres;
    }

    public Path workDirectory() {
        return config.workDirectory();
    }

    public Path logDirectory() {
        return config.workDirectory().resolve("logs");
    }

    /** Returns the station-service's outbox, whose row count is the number of line events a scenario produced. */
    public StationOutbox stationOutbox() {
        return new StationOutbox(postgres.dataSource(KeylineService.STATION.database()));
    }

    /** Returns the HTTP client of the stack, with a 30-second request timeout. */
    public HttpJson http() {
        return http;
    }

    public KeylineApi api() {
        return new KeylineApi(
                http,
                serviceUrl(KeylineService.STATION),
                serviceUrl(KeylineService.LEDGER),
                serviceUrl(KeylineService.ALERT),
                tokens);
    }

    /**
     * Stops the services (SIGTERM, then a kill after 20 seconds), then Kafka, then PostgreSQL. Safe to call twice and
     * from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopServices();
            if (kafka != null) {
                kafka.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while stopping the local stack; some processes may still run", e);
        }
        closePostgres();
    }

    private void stopServices() throws InterruptedException {
        services.values().forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : services.values()) {
            process.awaitStopped(STOP_GRACE);
        }
    }

    private void closePostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf(
                    e,
                    "failed to stop PostgreSQL on port %d",
                    postgres.address().port());
        }
    }
}
