package dev.keyline.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.config.AlertmanagerConfig;
import dev.keyline.alert.config.AlertsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Posts alerts to Alertmanager's API v2. A failed post is logged and not retried here: the periodic resend of
 * {@link AlertmanagerResender} sends every active and recently resolved alert again.
 */
@ApplicationScoped
public class AlertmanagerSender {

    private static final Logger LOG = Logger.getLogger(AlertmanagerSender.class);

    private final AlertmanagerConfig config;
    private final String externalUrl;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Counter sent;
    private final Counter failed;

    public AlertmanagerSender(AlertmanagerConfig config, AlertsConfig alerts, MeterRegistry registry) {
        this.config = config;
        this.externalUrl = alerts.externalUrl();
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.sent = registry.counter("keyline.alertmanager.posts", "outcome", "sent");
        this.failed = registry.counter("keyline.alertmanager.posts", "outcome", "failed");
    }

    public boolean enabled() {
        return config.url().filter(url -> !url.isBlank()).isPresent();
    }

    /**
     * Posts the notifications' alerts. The future completes with whether Alertmanager accepted them; connection errors
     * and error responses complete it with false rather than exceptionally.
     */
    public CompletableFuture<Boolean> send(List<AlertNotification> notifications) {
        if (!enabled() || notifications.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        List<AlertmanagerAlert> alerts = notifications.stream()
                .map(n -> AlertmanagerAlert.of(n.alertId(), n.transition().state(), externalUrl))
                .toList();
        return post(alerts);
    }

    /** Posts alerts as they are; the future completes with false, not exceptionally, when the post fails. */
    public CompletableFuture<Boolean> post(List<AlertmanagerAlert> alerts) {
        URI uri = URI.create(stripSlash(config.url().orElseThrow()) + "/api/v2/alerts");
        String body;
        try {
            body = json.writeValueAsString(alerts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write alerts for Alertmanager as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        LOG.debugf("posting %d alerts to %s", alerts.size(), uri);
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error != null) {
                failed.increment();
                LOG.warnf(
                        "posting %d alerts to Alertmanager at %s failed: %s; the next resend tries again",
                        alerts.size(), uri, error.toString());
                return false;
            }
            if (response.statusCode() / 100 != 2) {
                failed.increment();
                LOG.warnf(
                        "Alertmanager at %s rejected %d alerts with HTTP %d: %s; the next resend tries again",
                        uri, alerts.size(), response.statusCode(), abbreviate(response.body()));
                return false;
            }
            sent.increment();
            LOG.debugf("Alertmanager at %s accepted %d alerts", uri, alerts.size());
            return true;
        });
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
