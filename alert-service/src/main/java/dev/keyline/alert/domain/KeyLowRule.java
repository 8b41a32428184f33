package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;
import java.util.Map;

/**
 * {@code key-low}: a key's available activations fell below the threshold. With hysteresis, the alert resolves only
 * once the available count reaches {@code threshold + recoveryMargin}, so a balance that hovers at the threshold does
 * not fire and resolve on every event. A retired key needs no top-up, so its balance resolves the alert and does not
 * raise it.
 */
public final class KeyLowRule {

    static final String ACTION = "top up the key or switch stations to another key";

    private final long threshold;
    private final long recoveryMargin;

    public KeyLowRule(long threshold, long recoveryMargin) {
        if (recoveryMargin < 0) {
            throw new IllegalArgumentException(
                    "key-low recovery margin must be 0 or more, but is " + recoveryMargin + "; set a value >= 0");
        }
        this.threshold = threshold;
        this.recoveryMargin = recoveryMargin;
    }

    public Evaluation evaluate(BalanceChanged balance) {
        AlertIdentity identity = AlertIdentity.of(
                AlertRule.KEY_LOW, Map.of("keyId", balance.keyId(), "partialKey", balance.partialKey()));

        if (RetiredKey.is(balance)) {
            return new Evaluation.Resolve(identity, RetiredKey.summary(balance.keyId(), "top-up", balance));
        }
        if (balance.available() < threshold) {
            return new Evaluation.Fire(identity, Severity.WARNING, lowSummary(balance), ACTION);
        }
        if (balance.available() >= threshold + recoveryMargin) {
            return new Evaluation.Resolve(identity, recoveredSummary(balance));
        }
        return Evaluation.noChange();
    }

    private String lowSummary(BalanceChanged balance) {
        String summary = String.format(
                "%s has %d activations available, below the threshold of %d %s",
                balance.keyId(), balance.available(), threshold, counts(balance));
        if (balance.available() < 0) {
            summary += "; the line has shipped more devices than the key can activate";
        }
        return summary;
    }

    private String recoveredSummary(BalanceChanged balance) {
        return String.format(
                "%s has %d activations available, at or above the threshold of %d plus the recovery margin of %d %s",
                balance.keyId(), balance.available(), threshold, recoveryMargin, counts(balance));
    }

    private static String counts(BalanceChanged balance) {
        return String.format(
                "(allotment %d, consumed %d, committed %d)",
                balance.allotment(), balance.consumed(), balance.committed());
    }
}
