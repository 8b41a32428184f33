package dev.keyline.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.config.AlertsConfig;
import dev.keyline.alert.config.WebhookConfig;
import dev.keyline.alert.domain.DeliveryQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers alert changes to the configured webhook through a {@link DeliveryQueue}: one request at a time, retried
 * with an exponential back-off shared by all changes, at most {@code keyline.webhook.max-attempts} attempts each, and
 * the oldest change dropped when the queue is full. The queue lives in memory, so changes waiting at a restart are
 * lost; Alertmanager, which is resent from PostgreSQL, is the delivery that survives restarts.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookConfig config;
    private final String externalUrl;
    private final Vertx vertx;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final DeliveryQueue<WebhookMessage> queue;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter droppedFull;
    private final Counter droppedAttempts;

    private boolean timerPending;

    public WebhookSender(WebhookConfig config, AlertsConfig alerts, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.externalUrl = alerts.externalUrl();
        this.vertx = vertx;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.queue = new DeliveryQueue<>(
                config.queueCapacity(), config.maxAttempts(), config.initialBackoff(), config.maxBackoff());
        this.delivered = registry.counter("keyline.webhook.deliveries", "outcome", "delivered");
        this.failedAttempts = registry.counter("keyline.webhook.deliveries", "outcome", "failed-attempt");
        this.droppedFull = registry.counter("keyline.webhook.deliveries", "outcome", "dropped-queue-full");
        this.droppedAttempts = registry.counter("keyline.webhook.deliveries", "outcome", "dropped-max-attempts");
    }

    public boolean enabled() {
        return config.url().filter(url -> !url.isBlank()).isPresent();
    }

    /** Queues a change for delivery; does nothing when the webhook is off. */
    public void enqueue(AlertNotification notification) {
        if (!enabled()) {
            return;
        }
        WebhookMessage message = WebhookMessage.of(notification, externalUrl);
        Optional<WebhookMessage> dropped;
        synchronized (this) {
            dropped = queue.offer(message);
        }
        dropped.ifPresent(oldest -> {
            droppedFull.increment();
            LOG.warnf(
                    "webhook queue is full (capacity %d): dropped the %s change of alert %s; %s changes dropped so"
                            + " far because the queue was full",
                    config.queueCapacity(), oldest.change(), oldest.alertId(), (long) droppedFull.count());
        });
        pump();
    }

    /** Returns the number of changes waiting or in flight. */
    public synchronized int queued() {
        return queue.size();
    }

    private void pump() {
        Optional<WebhookMessage> next;
        Instant notBefore;
        synchronized (this) {
            next = queue.next(Instant.now());
            notBefore = queue.notBefore();
            if (next.isEmpty() && queue.size() > 0 && notBefore.isAfter(Instant.now()) && !timerPending) {
                timerPending = true;
                long delay =
                        Math.max(1, Duration.between(Instant.now(), notBefore).toMillis());
                vertx.setTimer(delay, id -> {
                    synchronized (this) {
                        timerPending = false;
                    }
                    pump();
                });
            }
        }
        next.ifPresent(this::send);
    }

    private void send(WebhookMessage message) {
        URI uri = URI.create(config.url().orElseThrow());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook message as JSON", e);
        }

        LOG.debugf("posting the %s change of alert %s to the webhook", message.change(), message.alertId());
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                succeeded(message);
            } else {
                failed(message, error != null ? error.toString() : "HTTP " + response.statusCode());
            }
            pump();
        });
    }

    private void succeeded(WebhookMessage message) {
        synchronized (this) {
            queue.succeeded();
        }
        delivered.increment();
        LOG.debugf("webhook accepted the %s change of alert %s", message.change(), message.alertId());
    }

    private void failed(WebhookMessage message, String reason) {
        Optional<WebhookMessage> dropped;
        int attempts;
        Instant retryAt;
        synchronized (this) {
            dropped = queue.failed(Instant.now());
            attempts = dropped.isPresent() ? config.maxAttempts() : queue.failedAttemptsOfHead();
            retryAt = queue.notBefore();
        }
        failedAttempts.increment();
        if (dropped.isPresent()) {
            droppedAttempts.increment();
            LOG.warnf(
                    "webhook delivery of the %s change of alert %s failed (%s) on attempt %d of %d; dropped it",
                    message.change(), message.alertId(), reason, attempts, config.maxAttempts());
        } else {
            LOG.warnf(
                    "webhook delivery of the %s change of alert %s failed (%s) on attempt %d of %d; the webhook"
                            + " is called again at %s",
                    message.change(), message.alertId(), reason, attempts, config.maxAttempts(), retryAt);
        }
    }
}
