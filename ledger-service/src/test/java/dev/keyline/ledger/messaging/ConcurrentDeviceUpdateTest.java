package dev.keyline.ledger.messaging;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.embedded.PostgresTestResource;
import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.ledger.LockWaits;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two batches that share no key change one stored device without a key at the same moment, as when its events arrive
 * on two partitions. The test plays the first batch in its own transaction, which counts one more attempt, and
 * commits it while the ledger books another attempt. The ledger must count on top of it instead of writing back the
 * count it read before.
 */
@QuarkusTest
class ConcurrentDeviceUpdateTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void keylessDeviceKeepsBothAttempts() throws SQLException {
        KafkaTestClient.produce(Topics.LINE_EVENTS, "KL-1", json(activation("KL-1", null, null, "0xC004F074")));
        await().atMost(TIMEOUT).until(() -> LedgerApi.deviceStatusCode("KL-1") == 200);
        assertThat(LedgerApi.device("KL-1").getInt("activationAttempts")).isEqualTo(1);

        try (Connection other = PostgresTestResource.dataSource().getConnection();
                Statement statement = other.createStatement();
                Connection observer = PostgresTestResource.dataSource().getConnection()) {
            other.setAutoCommit(false);
            statement.execute("UPDATE devices SET activation_attempts = activation_attempts + 1 WHERE serial = 'KL-1'");

            KafkaTestClient.produce(Topics.LINE_EVENTS, "KL-1", json(activation("KL-1", null, null, "0xC004F074")));
            await().atMost(TIMEOUT)
                    .until(() -> LockWaits.count(observer, "SELECT serial, key_id", "UPDATE devices") == 1);
            other.commit();
        }

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(LedgerApi.device("KL-1").getInt("activationAttempts"))
                        .isEqualTo(3));
    }
}
