package dev.keyline.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.keyline.schemas.keys.KeyRedactor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON over HTTP with bearer tokens, on {@link HttpClient}. Thread-safe. */
public final class HttpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpJson(Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * A response with its body parsed as JSON; {@code body} is a missing node when the body is empty or not JSON.
     */
    public record Response(int status, JsonNode body) {

        /** Returns the problem+json {@code detail}, or {@code title}, with any product key masked, for messages. */
        public String problemDetail() {
            String detail = body.path("detail").asText(body.path("title").asText(""));
            return detail.isBlank() ? "the response has no problem details" : KeyRedactor.maskAll(detail);
        }
    }

    /** Sends a GET; the token may be null for endpoints without authentication. */
    public Response get(URI uri, String token) {
        return send(request(uri, token).GET().build());
    }

    public Response post(URI uri, String token, JsonNode body) {
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize the request body for " + uri, e);
        }
        return send(request(uri, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Posts text, such as slmgr output or an answer file, with the given {@code Content-Type}. */
    public Response postText(URI uri, String token, String contentType, String body) {
        return send(request(uri, token)
                .header("Content-Type", contentType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** Sends a GET and returns the body, or throws when the status is not 200. */
    public JsonNode getOk(URI uri, String token) {
        Response response = get(uri, token);
        if (response.status() != 200) {
            throw new ServiceCallException(
                    "GET " + uri + " returned HTTP " + response.status() + ": " + response.problemDetail());
        }
        return response.body();
    }

    private HttpRequest.Builder request(URI uri, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceCallException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(request.method() + " " + request.uri() + " was interrupted", e);
        }
        return new Response(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
