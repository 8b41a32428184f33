package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void emptyEnvironmentGivesEmbeddedDefaults() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of());

        assertThat(settings.externalKafka()).isEmpty();
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(settings.externalPostgresHost()).isEmpty();
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.postgresUser()).isEqualTo("postgres");
        assertThat(settings.servicePort(KeylineService.STATION)).isEqualTo(8081);
        assertThat(settings.servicePort(KeylineService.LEDGER)).isEqualTo(8082);
        assertThat(settings.servicePort(KeylineService.ALERT)).isEqualTo(8083);
    }

    @Test
    void externalPostgresDefaultsToPort5432() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of(
                "KEYLINE_PG_HOST", "127.0.0.1",
                "KEYLINE_PG_USER", "keyline",
                "KEYLINE_PG_PASSWORD", "secret"));

        assertThat(settings.externalPostgresHost()).isEqualTo(Optional.of("127.0.0.1"));
        assertThat(settings.postgresPort()).isEqualTo(5432);
        assertThat(settings.postgresUser()).isEqualTo("keyline");
        assertThat(settings.postgresPassword()).isEqualTo("secret");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void variablesOverridePorts() {
        StackSettings settings = StackSettings.fromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "KEYLINE_PG_PORT", "25432",
                "KEYLINE_STATION_PORT", "18081",
                "KEYLINE_ALERT_PORT", "18083"));

        assertThat(settings.externalKafka()).isEqualTo(Optional.of("127.0.0.1:9092"));
        assertThat(settings.postgresPort()).isEqualTo(25432);
        assertThat(settings.servicePort(KeylineService.STATION)).isEqualTo(18081);
        assertThat(settings.servicePort(KeylineService.LEDGER)).isEqualTo(8082);
        assertThat(settings.servicePort(KeylineService.ALERT)).isEqualTo(18083);
    }

    @Test
    void invalidPortNamesVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("KEYLINE_LEDGER_PORT", "80a")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("KEYLINE_LEDGER_PORT='80a'")
                .hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("KEYLINE_KAFKA_PORT", "70000")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("KEYLINE_KAFKA_PORT='70000'");
    }
}
