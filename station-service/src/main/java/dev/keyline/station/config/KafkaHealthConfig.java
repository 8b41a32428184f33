package dev.keyline.station.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Kafka readiness check. */
@ConfigMapping(prefix = "keyline.health.kafka")
public interface KafkaHealthConfig {

    /** Maximum wait for the broker to describe its cluster before the check reports DOWN. */
    @WithDefault("3s")
    Duration timeout();
}
