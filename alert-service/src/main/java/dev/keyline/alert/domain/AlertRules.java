package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.EventData;
import dev.keyline.schemas.events.KeyExposed;

/** Sends each event to the rule for its type. Events that no rule watches change nothing. */
public final class AlertRules {

    private final KeyLowRule keyLow;

    public AlertRules(KeyLowRule keyLow) {
        this.keyLow = keyLow;
    }

    public Evaluation evaluate(EventData data) {
        if (data instanceof BalanceChanged balance) {
            return keyLow.evaluate(balance);
        }
        if (data instanceof ActivationUnattributed activation) {
            return ActivationUnknownDeviceRule.evaluate(activation);
        }
        if (data instanceof KeyExposed exposure) {
            return KeyExposureRule.evaluate(exposure);
        }
        return Evaluation.noChange();
    }
}
