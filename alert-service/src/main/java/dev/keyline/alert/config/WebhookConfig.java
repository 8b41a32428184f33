package dev.keyline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Delivery of alert changes to a generic webhook, such as a chat tool's incoming webhook. */
@ConfigMapping(prefix = "keyline.webhook")
public interface WebhookConfig {

    /** URL the service POSTs each alert change to; empty turns the webhook off. */
    Optional<String> url();

    /**
     * Changes waiting for delivery at most, in the table {@code webhook_deliveries}. Beyond it the oldest are dropped.
     */
    @WithDefault("1000")
    int queueCapacity();

    /**
     * Attempts per change, the first included, before the change is dropped. With the default back-off, the waits
     * between 20 attempts add up to 3,511 s, so a webhook that is down for 58 minutes loses nothing.
     */
    @WithDefault("20")
    int maxAttempts();

    /** Wait after the first failed attempt; it doubles with each further failure in a row. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The maximum wait between attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /** Timeout of one request to the webhook. */
    @WithDefault("10s")
    Duration timeout();

    /** How often the queue is checked for changes no commit started, such as those queued before a restart. */
    @WithDefault("5s")
    Duration pollInterval();
}
