package dev.keyline.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.config.AlertsConfig;
import dev.keyline.alert.config.WebhookConfig;
import dev.keyline.alert.domain.AlertTransition;
import dev.keyline.alert.domain.DeliveryBackoff;
import dev.keyline.alert.repository.WebhookDeliveryRepository;
import dev.keyline.alert.repository.WebhookDeliveryRepository.QueuedChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers alert changes to the configured webhook from the {@code webhook_deliveries} table. A change is queued in
 * the transaction that stores it, so a restart loses none. Delivery is one request at a time, oldest first, retried
 * with an exponential back-off shared by all changes, at most {@code keyline.webhook.max-attempts} attempts each.
 * When more than {@code keyline.webhook.queue-capacity} changes wait, the oldest are dropped. A change the webhook
 * accepted just before a crash is sent again after the restart.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookConfig config;
    private final String externalUrl;
    private final Vertx vertx;
    private final WebhookDeliveryRepository deliveries;
    private final DeliveryBackoff backoff;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter droppedFull;
    private final Counter droppedAttempts;

    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean retryPending = new AtomicBoolean();
    private volatile int failuresInARow;
    private volatile Instant notBefore = Instant.MIN;

    public WebhookSender(
            WebhookConfig config,
            AlertsConfig alerts,
            Vertx vertx,
            WebhookDeliveryRepository deliveries,
            MeterRegistry registry) {
        if (config.queueCapacity() < 1 || config.maxAttempts() < 1) {
            throw new IllegalArgumentException("keyline.webhook.queue-capacity and max-attempts must be 1 or more, but"
                    + " are " + config.queueCapacity() + " and " + config.maxAttempts() + "; set values >= 1");
        }
        this.config = config;
        this.externalUrl = alerts.externalUrl();
        this.vertx = vertx;
        this.deliveries = deliveries;
        this.backoff = new DeliveryBackoff(config.initialBackoff(), config.maxBackoff());
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.delivered = registry.counter("keyline.webhook.deliveries", "outcome", "delivered");
        this.failedAttempts = registry.counter("keyline.webhook.deliveries", "outcome", "failed-attempt");
        this.droppedFull = registry.counter("keyline.webhook.deliveries", "outcome", "dropped-queue-full");
        this.droppedAttempts = registry.counter("keyline.webhook.deliveries", "outcome", "dropped-max-attempts");
    }

    public boolean enabled() {
        return config.url().filter(url -> !url.isBlank()).isPresent();
    }

    /**
     * Queues the changes the webhook gets, in the caller's transaction: every change that is not silenced and not a
     * repeat. Does nothing when the webhook is off.
     */
    public Uni<Void> queue(List<AlertNotification> notifications) {
        if (!enabled()) {
            return Uni.createFrom().voidItem();
        }
        List<AlertNotification> due = notifications.stream()
                .filter(notification -> !notification.silenced())
                .filter(notification -> notification.transition().kind() != AlertTransition.Kind.REPEATED)
                .toList();
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }

        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AlertNotification notification : due) {
            WebhookMessage message = WebhookMessage.of(notification, externalUrl);
            String body = render(message);
            chain = chain.chain(() -> deliveries.append(notification.alertId(), message.change(), body))
                    .replaceWithVoid();
        }
        return chain.chain(() -> deliveries.trimTo(config.queueCapacity()))
                .invoke(dropped -> dropped.forEach(change -> {
                    droppedFull.increment();
                    LOG.warnf(
                            "webhook queue is full (capacity %d): dropped the %s change of alert %s; %s changes"
                                    + " dropped so far because the queue was full",
                            config.queueCapacity(), change.change(), change.alertId(), (long) droppedFull.count());
                }))
                .replaceWithVoid();
    }

    /** Starts sending the queued changes unless a send is under way or the webhook is backing off; returns at once. */
    public void deliverQueued() {
        if (!enabled()) {
            return;
        }
        Duration wait = Duration.between(Instant.now(), notBefore);
        if (wait.compareTo(Duration.ZERO) > 0) {
            retryAfter(wait);
            return;
        }
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        deliveries
                .head()
                .subscribe()
                .with(
                        head -> {
                            if (head.isEmpty()) {
                                sending.set(false);
                                return;
                            }
                            send(head.get());
                        },
                        failure -> {
                            sending.set(false);
                            LOG.warnf(
                                    "reading the webhook queue failed: %s; the next round tries again",
                                    failure.toString());
                        });
    }

    /** Picks up changes queued before a restart, and any whose send was not started after their commit. */
    @Scheduled(every = "${keyline.webhook.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverOnSchedule() {
        deliverQueued();
    }

    private void send(QueuedChange change) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url().orElseThrow()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(change.body()))
                .build();

        LOG.debugf("posting the %s change of alert %s to the webhook", change.change(), change.alertId());
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                succeeded(change);
            } else {
                failed(change, error != null ? error.toString() : "HTTP " + response.statusCode());
            }
        });
    }

    private void succeeded(QueuedChange change) {
        failuresInARow = 0;
        notBefore = Instant.MIN;
        delivered.increment();
        LOG.debugf("webhook accepted the %s change of alert %s", change.change(), change.alertId());
        finish(deliveries.delete(change.seq()), Duration.ZERO);
    }

    private void failed(QueuedChange change, String reason) {
        failuresInARow++;
        Duration wait = backoff.after(failuresInARow);
        notBefore = Instant.now().plus(wait);
        failedAttempts.increment();
        int attempts = change.attempts() + 1;
        if (attempts >= config.maxAttempts()) {
            droppedAttempts.increment();
            LOG.warnf(
                    "webhook delivery of the %s change of alert %s failed (%s) on attempt %d of %d; dropped it",
                    change.change(), change.alertId(), reason, attempts, config.maxAttempts());
            finish(deliveries.delete(change.seq()), wait);
            return;
        }
        LOG.warnf(
                "webhook delivery of the %s change of alert %s failed (%s) on attempt %d of %d; the webhook is called"
                        + " again at %s",
                change.change(), change.alertId(), reason, attempts, config.maxAttempts(), notBefore);
        finish(deliveries.recordFailure(change.seq()), wait);
    }

    /** Ends a send once its outcome is stored, then sends the next change after {@code wait}. */
    private void finish(Uni<Void> outcomeStored, Duration wait) {
        outcomeStored
                .subscribe()
                .with(
                        done -> {
                            sending.set(false);
                            retryAfter(wait);
                        },
                        failure -> {
                            sending.set(false);
                            LOG.warnf(
                                    "storing a webhook delivery's outcome failed: %s; the change is sent again",
                                    failure.toString());
                            retryAfter(backoff.after(Math.max(1, failuresInARow)));
                        });
    }

    private void retryAfter(Duration wait) {
        if (wait.compareTo(Duration.ZERO) <= 0) {
            deliverQueued();
            return;
        }
        if (retryPending.compareAndSet(false, true)) {
            vertx.setTimer(Math.max(1, wait.toMillis()), id -> {
                retryPending.set(false);
                deliverQueued();
            });
        }
    }

    private String render(WebhookMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook message as JSON", e);
        }
    }
}
