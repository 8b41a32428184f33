package dev.keyline.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "keyline.outbox")
public interface OutboxConfig {

    /** Rows read and published per round. */
    @WithDefault("500")
    int batchSize();

    /** How long a send may wait for the broker before the round stops and the rows stay for the next one. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Minimum time between two warnings about a broker that cannot be reached. */
    @WithDefault("30s")
    Duration warningInterval();

    /** How long a sent row is kept before {@link OutboxPruning} deletes it. */
    @WithDefault("7d")
    Duration retention();

    /** How often sent rows are pruned, such as {@code 1h}, or {@code off}. */
    @WithDefault("1h")
    String pruningInterval();
}
