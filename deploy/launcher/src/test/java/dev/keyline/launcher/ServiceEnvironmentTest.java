package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private static final PostgresAddress POSTGRES = new PostgresAddress("127.0.0.1", 15432, "postgres", "pw");
    private static final AccessTokens TOKENS = AccessTokens.generate(List.of("line-1/imaging-01"));

    @Test
    void stationGetsDatabaseKafkaAndSecret() {
        Map<String, String> environment = ServiceEnvironment.build(
                KeylineService.STATION, 8081, "127.0.0.1:19092", POSTGRES, TOKENS, "s".repeat(40));

        assertThat(environment)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("KEYLINE_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/keyline_station")
                .containsEntry("KEYLINE_DB_REACTIVE_URL", "postgresql://127.0.0.1:15432/keyline_station")
                .containsEntry("KEYLINE_DB_USER", "postgres")
                .containsEntry("KEYLINE_DB_PASSWORD", "pw")
                .containsEntry("KEYLINE_AUTH_TOKENS", TOKENS.authTokensVariable())
                .containsEntry("QUARKUS_HTTP_PORT", "8081")
                .containsEntry("KEYLINE_ALERTS_KEY_LOW_THRESHOLD", "20")
                .containsEntry("KEYLINE_KEYS_FINGERPRINT_SECRET", "s".repeat(40));
    }

    @Test
    void ledgerSharesSecretAlertGetsNone() {
        Map<String, String> ledger = ServiceEnvironment.build(
                KeylineService.LEDGER, 8082, "127.0.0.1:19092", POSTGRES, TOKENS, "s".repeat(40));
        Map<String, String> alert = ServiceEnvironment.build(
                KeylineService.ALERT, 8083, "127.0.0.1:19092", POSTGRES, TOKENS, "s".repeat(40));

        assertThat(ledger)
                .containsEntry("KEYLINE_KEYS_FINGERPRINT_SECRET", "s".repeat(40))
                .containsEntry("KEYLINE_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/keyline_ledger");
        assertThat(alert)
                .doesNotContainKey("KEYLINE_KEYS_FINGERPRINT_SECRET")
                .containsEntry("KEYLINE_DB_REACTIVE_URL", "postgresql://127.0.0.1:15432/keyline_alert")
                .containsEntry("QUARKUS_HTTP_PORT", "8083");
    }
}
