package dev.keyline.ledger.messaging;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.ledger.LogCapture;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A batch that mixes a new event with one booked in an earlier batch. Its first attempt books both as new and fails
 * on the booked event's id, so the ledger books it again without that event. What the booking finds is logged once,
 * after the second attempt commits.
 */
@QuarkusTest
class RepeatInNewBatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void repeatSkippedNewEventBooked() {
        String provisioning = registerAndProvision("REPEAT-1", "REPEA-AAAAA-BBBBB-CCCCC-R3PT1", "RP-1");

        KafkaTestClient.produce(
                Topics.LINE_EVENTS, "REPEAT-1", provisioning, json(activation("RP-1", "REPEAT-1", "R3PT1", "success")));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath key = LedgerApi.key("REPEAT-1");
            assertThat(key.getLong("consumed")).isEqualTo(1);
            assertThat(key.getLong("committed")).isZero();
        });
        JsonPath history = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/devices/{serial}/history", "RP-1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("events.eventType"))
                .containsExactly("keyline.device.provisioned.v1", "keyline.activation.attempted.v1");
        JsonPath chain = given().auth()
                .oauth2(LedgerApi.AUDITOR)
                .get("/api/v1/keys/{keyId}/journal/verify", "REPEAT-1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(chain.getBoolean("valid")).isTrue();
        // The allotment, the provisioning's commitment and the activation's consumption; a second commitment would be
        // 4.
        assertThat(chain.getInt("entries")).isEqualTo(3);
    }

    @Test
    void findingOfRebookedBatchLoggedOnce() {
        String provisioning = registerAndProvision("REPEAT-2", "REPEA-AAAAA-BBBBB-CCCCC-R3PT2", "RP-2");

        try (LogCapture log = LogCapture.of("dev.keyline.ledger.service.BatchLedger")) {
            // RP-3 was never provisioned: its success is unattributed, a finding the ledger logs.
            KafkaTestClient.produce(
                    Topics.LINE_EVENTS,
                    "REPEAT-2",
                    provisioning,
                    json(activation("RP-3", "REPEAT-2", "R3PT2", "success")));

            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(LedgerApi.key("REPEAT-2").getLong("unattributed")).isEqualTo(1);
                assertThat(log.containing("activation of device RP-3")).isNotEmpty();
            });
            assertThat(log.containing("activation of device RP-3")).hasSize(1);
        }
        JsonPath key = LedgerApi.key("REPEAT-2");
        assertThat(key.getLong("consumed")).isEqualTo(1);
        assertThat(key.getLong("committed")).isEqualTo(1);
    }

    /** Registers a made-up key, books one device's provisioning with it, and returns that provisioning's record. */
    private static String registerAndProvision(String keyId, String productKey, String serial) {
        LedgerApi.registerKey(keyId, productKey, 10);
        String partialKey = productKey.substring(productKey.length() - 5);
        String provisioning = json(provisioned(serial, keyId, partialKey));
        KafkaTestClient.produce(Topics.LINE_EVENTS, keyId, provisioning);
        await().atMost(TIMEOUT).until(() -> LedgerApi.key(keyId).getLong("committed") == 1);
        return provisioning;
    }
}
