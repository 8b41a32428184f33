package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryFormatterTest {

    private static final Summary SUMMARY = new Summary(
            List.of(new KeyBalance("KEY-A", 150, 40, 81, 29), new KeyBalance("KEY-B", 100, 5, 85, 10)),
            211,
            new TreeMap<>(Map.of("key-low", 1L, "key-exposure", 1L, "activation-unknown-device", 1L)),
            new StackInfo(
                    new TreeMap<>(Map.of(
                            "station-service", "http://127.0.0.1:8081",
                            "ledger-service", "http://127.0.0.1:8082",
                            "alert-service", "http://127.0.0.1:8083")),
                    "127.0.0.1:19092",
                    "127.0.0.1",
                    15432,
                    "/work/.keyline/logs",
                    "operator-token",
                    "auditor-token"));

    @Test
    void textListsBalancesAlertsAndStack() {
        String text = SummaryFormatter.text(SUMMARY);

        assertThat(text)
                .contains("  KEY-A               150         40         81         29\n")
                .contains("  KEY-B               100          5         85         10\n")
                .contains("Devices: 211\n")
                .contains("  activation-unknown-device    1\n")
                .contains("  key-exposure                 1\n")
                .contains("  key-low                      1\n")
                .contains("  station-service   http://127.0.0.1:8081\n")
                .contains("  alert dashboard   http://127.0.0.1:8083/dashboard/\n")
                .contains("  Kafka bootstrap   127.0.0.1:19092\n")
                .contains("  PostgreSQL        127.0.0.1:15432\n")
                .contains("  service logs      /work/.keyline/logs\n")
                .contains("  operator token    operator-token\n")
                .contains("  auditor token     auditor-token\n");
        assertThat(text.indexOf("  station-service   http")).isLessThan(text.indexOf("  ledger-service    http"));
        assertThat(text.indexOf("  ledger-service    http")).isLessThan(text.indexOf("  alert-service     http"));
    }

    @Test
    void textSaysNoneWithoutAlerts() {
        Summary quiet = new Summary(SUMMARY.keys(), 0, new TreeMap<>(), SUMMARY.stack());

        assertThat(SummaryFormatter.text(quiet)).contains("Firing alerts by rule:\n  none\n");
    }

    @Test
    void jsonHasSameNumbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SummaryFormatter.json(SUMMARY));

        assertThat(json.get("devices").asLong()).isEqualTo(211);
        assertThat(json.at("/keys/0/keyId").asText()).isEqualTo("KEY-A");
        assertThat(json.at("/keys/0/allotment").asLong()).isEqualTo(150);
        assertThat(json.at("/keys/0/committed").asLong()).isEqualTo(40);
        assertThat(json.at("/keys/0/consumed").asLong()).isEqualTo(81);
        assertThat(json.at("/keys/0/available").asLong()).isEqualTo(29);
        assertThat(json.at("/keys/1/available").asLong()).isEqualTo(10);
        assertThat(json.at("/firingAlertsByRule/key-low").asLong()).isEqualTo(1);
        assertThat(json.at("/stack/kafkaBootstrapServers").asText()).isEqualTo("127.0.0.1:19092");
        assertThat(json.at("/stack/postgresPort").asInt()).isEqualTo(15432);
        assertThat(json.at("/stack/serviceUrls/ledger-service").asText()).isEqualTo("http://127.0.0.1:8082");
        assertThat(json.at("/stack/operatorToken").asText()).isEqualTo("operator-token");
    }

    @Test
    void expectedFileMatchesJsonShape() throws Exception {
        Path expected = RepositoryRoot.find(Path.of("")).resolve("deploy/scenarios/factory-line.expected.json");
        JsonNode json = new ObjectMapper().readTree(expected.toFile());
        JsonNode summary = new ObjectMapper().readTree(SummaryFormatter.json(SUMMARY));

        assertThat(json.get("keys")).isEqualTo(summary.get("keys"));
        assertThat(json.get("devices")).isEqualTo(summary.get("devices"));
        assertThat(json.get("firingAlertsByRule")).isEqualTo(summary.get("firingAlertsByRule"));
    }
}
