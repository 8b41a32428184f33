package dev.keyline.station.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.embedded.EmbeddedPostgresServer;
import dev.keyline.embedded.FreePorts;
import dev.keyline.embedded.StandaloneKafka;
import dev.keyline.schemas.Topics;
import dev.keyline.station.support.Tokens;
import dev.keyline.station.support.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports accepted by the packaged service while Kafka is down survive a SIGKILL of the service: after Kafka and the
 * service are started again, every report is on the topic exactly once.
 */
class StationCrashIT {

    private static final String DATABASE = "keyline_station";
    private static final String STATION_TOKEN_HASH =
            "20f82064cd18b18448993539c2821cda2ed1a384f3306e9259c462e4e797bf12:line-1/imaging-01:station";
    private static final int BATCHES = 10;
    private static final int BATCH_SIZE = 100;
    private static final int REPORTS = BATCHES * BATCH_SIZE;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static EmbeddedPostgresServer postgres;
    private static StandaloneKafka kafka;
    private static Path workDirectory;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBackends() throws Exception {
        workDirectory = Files.createDirectories(Path.of("target", "station-crash-it-" + UUID.randomUUID()));
        postgres = EmbeddedPostgresServer.startEphemeral();
        postgres.createDatabase(DATABASE);
        kafka = new StandaloneKafka(workDirectory.resolve("kafka"), FreePorts.find(), FreePorts.find());
        kafka.start();
    }

    @AfterAll
    static void stopBackends() throws Exception {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedServiceLosesNoReport() throws Exception {
        int port = FreePorts.find();
        Path logFile = workDirectory.resolve("station-service.log");
        StationProcess first = StationProcess.start(environment(port), port, logFile);
        first.awaitLive(http);

        kafka.stop();
        Set<String> acceptedIds = new HashSet<>();
        for (int batch = 0; batch < BATCHES; batch++) {
            acceptedIds.addAll(postBatch(first.url(), batch));
        }
        assertThat(acceptedIds.size()).isEqualTo(REPORTS);
        first.kill();
        assertThat(unsentRows()).as("rows waiting after the kill").isEqualTo(REPORTS);

        kafka.start();
        StationProcess second = StationProcess.start(environment(port), port, logFile);
        try {
            second.awaitLive(http);
            await().atMost(Duration.ofSeconds(120)).until(() -> unsentRows() == 0);
        } finally {
            second.stop();
        }

        List<ConsumerRecord<String, String>> records =
                TopicReader.readAll(kafka.bootstrapServers(), Topics.LINE_EVENTS);
        Set<String> publishedIds = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            publishedIds.add(MAPPER.readTree(record.value()).path("id").asText());
        }
        assertThat(records.size()).as("records on " + Topics.LINE_EVENTS).isEqualTo(REPORTS);
        assertThat(publishedIds.size()).as("distinct event ids").isEqualTo(REPORTS);
        assertThat(publishedIds.equals(acceptedIds))
                .as("published ids are the accepted ids")
                .isTrue();
    }

    private List<String> postBatch(URI url, int batch) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/v1/reports/bulk"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Tokens.IMAGING_STATION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ReportBatches.provisioned("SN-KILL", batch, BATCH_SIZE)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("bulk " + batch + ": " + response.body())
                .isEqualTo(202);
        JsonNode results = MAPPER.readTree(response.body()).path("results");
        return results.findValues("eventId").stream().map(JsonNode::asText).toList();
    }

    private static long unsentRows() throws Exception {
        DataSource dataSource = postgres.database(DATABASE);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, String> environment(int port) {
        String database = "127.0.0.1:" + postgres.port() + "/" + DATABASE;
        Map<String, String> environment = new TreeMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("KEYLINE_DB_JDBC_URL", "jdbc:postgresql://" + database);
        environment.put("KEYLINE_DB_REACTIVE_URL", "postgresql://" + database);
        environment.put("KEYLINE_DB_USER", EmbeddedPostgresServer.USER);
        environment.put("KEYLINE_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        environment.put("KEYLINE_AUTH_TOKENS", STATION_TOKEN_HASH);
        environment.put("KEYLINE_KEYS_FINGERPRINT_SECRET", "station-crash-it-fingerprint-secret");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return environment;
    }
}
