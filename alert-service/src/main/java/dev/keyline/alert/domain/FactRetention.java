package dev.keyline.alert.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long the alert-service keeps the activation attempts and balance samples its rules read. Pruning keeps every
 * fact within the retention of the newest fact of its table, each device's last success and each key's last sample
 * before that, so the retention must cover the longest window a rule looks back over.
 */
public final class FactRetention {

    private final Duration retention;
    private final Map<String, Duration> windows = new LinkedHashMap<>();

    public FactRetention(Duration retention) {
        this.retention = retention;
    }

    /** Adds the look-back of one rule setting, such as {@code repeat-activation.window}. */
    public FactRetention window(String setting, Duration lookBack) {
        windows.put(setting, lookBack);
        return this;
    }

    public Duration retention() {
        return retention;
    }

    /** Returns why the retention is too short for a rule, or nothing when it covers every window. */
    public Optional<String> shortfall() {
        return windows.entrySet().stream()
                .filter(window -> retention.compareTo(window.getValue()) < 0)
                .findFirst()
                .map(window -> "keyline.alerts.facts.retention is " + DurationText.of(retention)
                        + ", shorter than " + window.getKey() + " (" + DurationText.of(window.getValue())
                        + "); set it to at least " + DurationText.of(window.getValue())
                        + " so that the rule still finds the facts it reads");
    }
}
