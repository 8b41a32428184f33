package dev.keyline.ledger.messaging;

import static dev.keyline.ledger.TestEvents.activation;
import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.ledger.KafkaTestClient;
import dev.keyline.ledger.LedgerApi;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A batch that mixes a new event with one booked in an earlier batch. Its first attempt books both as new and fails
 * on the booked event's id, so the ledger books it again without that event.
 */
@QuarkusTest
class RepeatInNewBatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void repeatSkippedNewEventBooked() {
        LedgerApi.registerKey("REPEAT-1", "REPEA-AAAAA-BBBBB-CCCCC-R3PT1", 10);
        String provisioning = json(provisioned("RP-1", "REPEAT-1", "R3PT1"));
        KafkaTestClient.produce(Topics.LINE_EVENTS, "REPEAT-1", provisioning);
        await().atMost(TIMEOUT).until(() -> LedgerApi.key("REPEAT-1").getLong("committed") == 1);

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
}
