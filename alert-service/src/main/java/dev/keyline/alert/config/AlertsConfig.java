package dev.keyline.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the alert rules and of event processing. */
@ConfigMapping(prefix = "keyline.alerts")
public interface AlertsConfig {

    KeyLow keyLow();

    Processing processing();

    /** The {@code key-low} rule. */
    interface KeyLow {

        /** The rule fires when a key's available activations drop below this count. */
        @WithDefault("20")
        long threshold();

        /** A firing alert resolves once the available count reaches {@code threshold + recoveryMargin}. */
        @WithDefault("5")
        long recoveryMargin();
    }

    /** Retries of an event whose processing failed, such as while PostgreSQL cannot be reached. */
    interface Processing {

        /** Retries after the first failure before the record goes to the dead-letter topic. */
        @WithDefault("3")
        int maxRetries();

        /** Wait before the first retry. Later waits grow exponentially, with random jitter. */
        @WithDefault("1s")
        Duration initialBackoff();
    }
}
