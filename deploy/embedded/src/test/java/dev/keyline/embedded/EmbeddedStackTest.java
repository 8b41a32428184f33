package dev.keyline.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackTest {

    @Test
    void standaloneKafkaServesAndSurvivesRestart(@TempDir Path directory) throws Exception {
        int port = FreePorts.find();
        int controllerPort = FreePorts.find();
        try (StandaloneKafka kafka = new StandaloneKafka(directory.resolve("kafka"), port, controllerPort)) {
            kafka.start();
            send(kafka.bootstrapServers(), "before restart");
            kafka.stop();
            kafka.start();
            send(kafka.bootstrapServers(), "after restart");

            assertThat(readAll(kafka.bootstrapServers())).containsExactly("before restart", "after restart");
            assertThat(Files.exists(directory.resolve("kafka/data/meta.properties")))
                    .isTrue();
        }
    }

    @Test
    void postgresCreatesDatabaseOnce() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startEphemeral()) {
            postgres.createDatabase("keyline_test");
            postgres.createDatabase("keyline_test");

            try (Connection connection = postgres.database("keyline_test").getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("keyline_test");
            }
        }
    }

    private static void send(String bootstrapServers, String value) throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("keyline.alerts", "k", value)).get();
        }
    }

    private static List<String> readAll(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("group.id", "embedded-stack-test");
        properties.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("keyline.alerts"));
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }
}
