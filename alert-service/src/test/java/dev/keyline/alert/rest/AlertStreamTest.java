package dev.keyline.alert.rest;

import static dev.keyline.alert.support.AlertsApi.OPERATOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.keyline.alert.support.KafkaTestClient;
import dev.keyline.alert.support.TestEvents;
import dev.keyline.schemas.Topics;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GET /api/v1/alerts/stream sends each committed alert change as a server-sent event. */
@QuarkusTest
class AlertStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @Test
    void raisedAlertStreamed() {
        String keyId = TestEvents.uniqueId("KEY");
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(TIMEOUT).until(response::isDone);
        assertThat(response.join().statusCode()).isEqualTo(200);
        assertThat(response.join().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

        KafkaTestClient.send(Topics.LEDGER_EVENTS, keyId, TestEvents.encode(TestEvents.balance(keyId, 10)));

        await().atMost(TIMEOUT).until(() -> lines.stream().anyMatch(line -> line.contains(keyId)));
        String event =
                lines.stream().filter(line -> line.contains(keyId)).findFirst().orElseThrow();
        assertThat(event).startsWith("data:");
        assertThat(lines)
                .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type"));
        assertThat(event).contains("\"change\":\"raised\"");
        assertThat(event).contains("\"rule\":\"key-low\"");
        assertThat(event).contains("\"keyId\":\"" + keyId + "\"");
        reading.cancel(true);
        response.join().body().close();
    }

    @Test
    void quietStreamSendsKeepAliveComments() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAccept(r -> r.body().forEach(lines::add));

        // The test profile sets the interval to 1 s, so two comments come within seconds whatever else is streamed.
        await().atMost(TIMEOUT)
                .until(() -> lines.stream().filter(line -> line.startsWith(":")).count() >= 2);
        assertThat(lines.stream().filter(line -> line.startsWith(":")).distinct())
                .containsExactly(":" + AlertsResource.KEEP_ALIVE);
        reading.cancel(true);
        response.join().body().close();
    }

    @Test
    void streamNeedsToken() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
