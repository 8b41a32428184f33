package dev.keyline.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of depletion forecasts. */
@ConfigMapping(prefix = "keyline.ledger.forecast")
public interface ForecastConfig {

    /** The recent period whose usage rate is projected forward. */
    @WithDefault("14d")
    Duration window();

    /** How long it takes to get more activations from Microsoft; a key running out sooner should be reordered now. */
    @WithDefault("30d")
    Duration reorderLeadTime();
}
