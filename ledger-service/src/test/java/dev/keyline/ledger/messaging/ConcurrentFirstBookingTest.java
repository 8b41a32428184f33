package dev.keyline.ledger.messaging;

import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
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
 * Two batches that share no key book the same new device at the same moment, so neither finds the device when it
 * loads its devices. The test plays the first batch in its own transaction and commits it while the ledger's batch
 * waits to insert the device. The ledger's batch must fail and be retried against the stored device. Its re-key then
 * releases the first key's commitment, where an overwrite of the device would leave that commitment behind.
 */
@QuarkusTest
class ConcurrentFirstBookingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void deviceStoredMeanwhileIsReKeyed() throws SQLException {
        LedgerApi.registerKey("RACE-1", "RACEA-AAAAA-BBBBB-CCCCC-R4CE1", 10);
        LedgerApi.registerKey("RACE-2", "RACEA-DDDDD-EEEEE-FFFFF-R4CE2", 10);

        try (Connection other = PostgresTestResource.dataSource().getConnection();
                Statement statement = other.createStatement();
                Connection observer = PostgresTestResource.dataSource().getConnection()) {
            other.setAutoCommit(false);
            statement.execute("SELECT key_id FROM product_keys WHERE key_id = 'RACE-1' FOR UPDATE");
            statement.execute("INSERT INTO devices (serial, key_id, partial_key, line_id, station_id, method, status,"
                    + " provisioned_at) VALUES ('RC-1', 'RACE-1', 'R4CE1', 'line-2', 'imaging-02', 'unattend',"
                    + " 'PROVISIONED', now())");
            statement.execute("UPDATE product_keys SET committed = committed + 1 WHERE key_id = 'RACE-1'");

            KafkaTestClient.produce(Topics.LINE_EVENTS, "RACE-2", json(provisioned("RC-1", "RACE-2", "R4CE2")));
            await().atMost(TIMEOUT).until(() -> LockWaits.count(observer, "INSERT INTO devices") == 1);
            other.commit();
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(LedgerApi.key("RACE-2").getLong("committed")).isEqualTo(1);
            assertThat(LedgerApi.key("RACE-1").getLong("committed")).isZero();
        });
        assertThat(LedgerApi.device("RC-1").getString("keyId")).isEqualTo("RACE-2");
        assertThat(LedgerApi.device("RC-1").getString("lineId")).isEqualTo("line-1");
    }
}
