package dev.keyline.benchmark;

import dev.keyline.embedded.EmbeddedPostgresServer;
import dev.keyline.embedded.FreePorts;
import dev.keyline.embedded.KafkaTopics;
import dev.keyline.embedded.StandaloneKafka;
import dev.keyline.launcher.KeylineService;
import dev.keyline.launcher.PostgresAddress;
import dev.keyline.launcher.RepositoryRoot;
import dev.keyline.launcher.UsageException;
import dev.keyline.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * Measures the ledger's end-to-end booking rate against the raw rates of the Kafka and PostgreSQL it runs on, all on
 * this machine and on 127.0.0.1. It produces line events, drains them with a plain consumer and inserts as many
 * journal-like rows, then lets the packaged ledger book the events and polls its status.
 */
public final class LedgerBenchmark {

    private static final Logger LOG = Logger.getLogger(LedgerBenchmark.class);
    private static final String LEDGER_DATABASE = KeylineService.LEDGER.database();
    private static final String RAW_DATABASE = "benchmark_raw";
    /** Partitions of the line-event topic that {@link StandaloneKafka} creates. */
    static final int LINE_EVENT_PARTITIONS = KafkaTopics.KEYLINE_TOPICS.get(Topics.LINE_EVENTS);
    /** Kept referenced: JUL may collect an unreferenced logger together with its level. */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("io.zonky.test.db.postgres"));

    private LedgerBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        Path repositoryRoot = RepositoryRoot.find(Path.of(""));
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(List.of(arguments), repositoryRoot);
            if (options.help()) {
                System.out.print(BenchmarkOptions.USAGE);
                return;
            }
            Path work = options.workDirectory();
            boolean inBuildOutput = work.equals(BenchmarkOptions.defaultWorkDirectory(repositoryRoot));
            BenchmarkWorkDirectory.prepare(work, inBuildOutput, repositoryRoot);
        } catch (UsageException e) {
            System.err.println("benchmark-ledger: " + e.getMessage());
            System.exit(2);
            return;
        }
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
        Path jar = KeylineService.LEDGER.runnableJar(repositoryRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with './mvnw -B -DskipTests package'");
        }
        run(options, jar).print(System.out);
    }

    private static BenchmarkReport run(BenchmarkOptions options, Path jar) throws Exception {
        MachineInfo machine = MachineInfo.current();
        Path work = options.workDirectory();
        List<BenchmarkKey> keys = BenchmarkKey.create(options.keys(), LINE_EVENT_PARTITIONS);
        long allotment = options.allotmentPerKey();

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startEphemeralDurable();
                StandaloneKafka kafka =
                        new StandaloneKafka(work.resolve("kafka"), FreePorts.find(), FreePorts.find())) {
            postgres.createDatabase(LEDGER_DATABASE);
            postgres.createDatabase(RAW_DATABASE);
            kafka.start();
            PostgresAddress address = new PostgresAddress(
                    "127.0.0.1", postgres.port(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
            LedgerRun ledger = new LedgerRun(jar, work, kafka.bootstrapServers(), address, FreePorts.find());
            ledger.registerKeys(keys, allotment);

            Rate produced = EventLoad.produce(kafka.bootstrapServers(), keys, options.producedEvents());
            LOG.infof("produced %s", produced);
            Rate drained = KafkaDrain.drain(kafka.bootstrapServers(), options.producedEvents());
            LOG.infof("drained %s", drained);
            Rate copied = rawCopy(postgres, options);
            LOG.infof("COPY %s", copied);
            Rate inserted = PostgresInsertRate.measure(
                    postgres.database(RAW_DATABASE),
                    PostgresInsertRate.Method.MULTI_ROW_INSERT,
                    options.events(),
                    options.insertConnections());
            LOG.infof("multi-row INSERT %s", inserted);
            Rate ledgerRows = LedgerRowsCopyRate.measure(
                    postgres.database(RAW_DATABASE), options.events(), options.insertConnections());
            LOG.infof("COPY of the ledger's rows %s", ledgerRows);

            BookingResult booking = ledger.measure(
                    options.producedEvents(),
                    options.warmUpEvents(),
                    options.bookingTimeout(),
                    options.ledgerEnvironment());
            long[] totals = ledgerTotals(postgres);
            Rate copiedAfter = rawCopy(postgres, options);
            LOG.infof("COPY after the ledger %s", copiedAfter);
            return new BenchmarkReport(
                    machine,
                    options.events(),
                    options.warmUpEvents(),
                    options.keys(),
                    options.insertConnections(),
                    options.ledgerEnvironment(),
                    produced,
                    drained,
                    copied,
                    inserted,
                    ledgerRows,
                    copiedAfter,
                    booking,
                    totals[0],
                    totals[1]);
        }
    }

    /** Measures the raw COPY of journal-shaped rows, one per measured event, into a fresh table. */
    private static Rate rawCopy(EmbeddedPostgresServer postgres, BenchmarkOptions options)
            throws SQLException, InterruptedException {
        return PostgresInsertRate.measure(
                postgres.database(RAW_DATABASE),
                PostgresInsertRate.Method.COPY,
                options.events(),
                options.insertConnections());
    }

    /** Returns the sums of consumed and committed over every key, read from the ledger's database. */
    private static long[] ledgerTotals(EmbeddedPostgresServer postgres) throws SQLException {
        try (Connection connection = postgres.database(LEDGER_DATABASE).getConnection();
                Statement statement = connection.createStatement();
                ResultSet sums = statement.executeQuery(
                        "SELECT coalesce(sum(consumed), 0), coalesce(sum(committed), 0) FROM product_keys")) {
            sums.next();
            return new long[] {sums.getLong(1), sums.getLong(2)};
        }
    }
}
