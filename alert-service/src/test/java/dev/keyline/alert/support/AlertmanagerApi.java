package dev.keyline.alert.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Reads the test Alertmanager's API v2. */
public final class AlertmanagerApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertmanagerApi() {}

    /** Returns the alerts of {@code GET /api/v2/alerts} whose label {@code name} has {@code value}. */
    public static List<Map<String, Object>> alertsWithLabel(String name, String value) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(AlertmanagerTestResource.url() + "/api/v2/alerts"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Alertmanager answered GET /api/v2/alerts with HTTP " + response.statusCode());
            }
            List<Map<String, Object>> alerts = JSON.readValue(response.body(), new TypeReference<>() {});
            return alerts.stream()
                    .filter(alert -> value.equals(((Map<?, ?>) alert.get("labels")).get(name)))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the test Alertmanager's alerts", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the test Alertmanager's alerts", e);
        }
    }
}
