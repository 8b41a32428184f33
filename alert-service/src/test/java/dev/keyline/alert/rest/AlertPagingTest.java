package dev.keyline.alert.rest;

import static dev.keyline.alert.support.AlertsApi.OPERATOR_TOKEN;
import static dev.keyline.alert.support.AlertsApi.alerts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/alerts pages with page and size, and gives the total and links to the other pages in headers. */
@QuarkusTest
class AlertPagingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void pagesWithTotalAndLinks() {
        String keyId = TestEvents.uniqueId("KEY");
        // Over-committed: key-low, key-exhausted and key-over-committed fire.
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 100, 30, 75, Instant.now())));
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(alerts(Map.of("keyId", keyId)).getList("$")).hasSize(3));

        Response first = page(keyId, "0", "2");
        Response second = page(keyId, "1", "2");

        assertThat(first.jsonPath().getList("$")).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("Link")).contains("page=1").contains("size=2").endsWith("rel=\"next\"");
        assertThat(second.jsonPath().getList("$")).hasSize(1);
        assertThat(second.header("Link")).contains("page=0").endsWith("rel=\"prev\"");
        List<String> ids = new java.util.ArrayList<>(first.jsonPath().getList("id"));
        ids.addAll(second.jsonPath().getList("id"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void pageBeyondEndLinksToLast() {
        String keyId = TestEvents.uniqueId("KEY");
        KafkaTestClient.send(
                Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 100, 30, 75, Instant.now())));
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(alerts(Map.of("keyId", keyId)).getList("$")).hasSize(3));

        Response beyond = page(keyId, "50", "1");

        assertThat(beyond.jsonPath().getList("$")).isEmpty();
        assertThat(beyond.header("X-Total-Count")).isEqualTo("3");
        assertThat(beyond.header("Link")).isEqualTo("</api/v1/alerts?keyId=" + keyId + "&page=2&size=1>; rel=\"prev\"");
    }

    @Test
    void pageOfNoMatchesHasNoLinks() {
        Response none = page(TestEvents.uniqueId("KEY"), "50", "1");

        assertThat(none.jsonPath().getList("$")).isEmpty();
        assertThat(none.header("X-Total-Count")).isEqualTo("0");
        assertThat(none.header("Link")).isNull();
    }

    @Test
    void invalidSizeIs400() {
        for (String size : List.of("0", "1001", "ten")) {
            given().auth()
                    .oauth2(OPERATOR_TOKEN)
                    .queryParam("size", size)
                    .when()
                    .get("/api/v1/alerts")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("size"))
                    .body("errors[0].fix", equalTo("send size as a whole number from 1 to 1000"));
        }
    }

    @Test
    void negativePageIs400() {
        given().auth()
                .oauth2(OPERATOR_TOKEN)
                .queryParam("page", "-1")
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    private static Response page(String keyId, String page, String size) {
        return given().auth()
                .oauth2(OPERATOR_TOKEN)
                .queryParam("keyId", keyId)
                .queryParam("page", page)
                .queryParam("size", size)
                .when()
                .get("/api/v1/alerts")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }
}
