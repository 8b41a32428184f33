package dev.keyline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Delivery of alerts to a Prometheus Alertmanager through its API v2. */
@ConfigMapping(prefix = "keyline.alertmanager")
public interface AlertmanagerConfig {

    /** Base URL of the Alertmanager, such as {@code http://127.0.0.1:9093}; empty turns delivery off. */
    Optional<String> url();

    /**
     * How often active alerts are sent again. Alertmanager resolves an alert that is not sent again within its
     * {@code resolve_timeout} (5 minutes by default), so keep this well below it.
     */
    @WithDefault("1m")
    Duration resendInterval();

    /** For how long after an alert resolved the resends keep carrying it, so a missed resolve still arrives. */
    @WithDefault("15m")
    Duration resendResolvedFor();

    /** Timeout of one request to the Alertmanager. */
    @WithDefault("10s")
    Duration timeout();
}
