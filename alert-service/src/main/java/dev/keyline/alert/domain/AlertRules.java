package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.BalanceChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configured rules, and the sets of them that one kind of event feeds. */
public record AlertRules(
        KeyLowRule keyLow,
        KeyExhaustedRule keyExhausted,
        KeyOverCommittedRule overCommitted,
        DepletionForecastRule depletionForecast,
        UnexplainedConsumptionRule unexplainedConsumption,
        ConsumptionAboveProductionRule consumptionAboveProduction,
        RepeatActivationRule repeatActivation,
        ActivationFailureSpikeRule failureSpike) {

    /**
     * Evaluates every rule that watches a key's balance. {@code mark} is the key's exhaustion mark after this balance,
     * {@code history} its samples as {@link DepletionForecastRule#evaluate} takes them.
     */
    public List<Evaluation> onBalance(
            BalanceChanged balance, Instant at, Optional<ExhaustionMark> mark, List<BalanceSample> history) {
        List<Evaluation> evaluations = new ArrayList<>(List.of(
                keyLow.evaluate(balance),
                keyExhausted.onBalance(balance, mark),
                overCommitted.evaluate(balance),
                depletionForecast.evaluate(balance, at, history),
                unexplainedConsumption.evaluate(balance),
                KeyBlockedRule.onBalance(balance)));
        evaluations.addAll(withoutPartialKeySuperseded(balance));
        return evaluations;
    }

    /**
     * Resolves the key-exhausted and key-blocked alerts raised for the key before its partial key was known. A failed
     * activation processed before the key's first balance raises them with the key id alone. From this balance on,
     * the alerts with the partial key carry the condition, so the ones without it are resolved here or never.
     */
    private static List<Evaluation> withoutPartialKeySuperseded(BalanceChanged balance) {
        if (balance.partialKey() == null) {
            return List.of();
        }
        String summary = "superseded by the alert of " + balance.keyId() + " with its partial key "
                + balance.partialKey() + ", which the key's balance now gives";
        return List.of(
                new Evaluation.Resolve(KeyExhaustedRule.identity(balance.keyId(), null), summary),
                new Evaluation.Resolve(KeyBlockedRule.identity(balance.keyId(), null), summary));
    }

    /**
     * Evaluates the key-level rules for a failed activation attributed to the key: an exhausted or blocked HRESULT
     * raises one alert for the key, whichever device reported it.
     */
    public List<Evaluation> onFailedActivation(String keyId, String partialKey, ActivationAttempted attempt) {
        if (ActivationResults.EXHAUSTED.contains(attempt.result())) {
            return List.of(keyExhausted.onFailure(keyId, partialKey, attempt));
        }
        if (ActivationResults.BLOCKED.contains(attempt.result())) {
            return List.of(KeyBlockedRule.onFailure(keyId, partialKey, attempt));
        }
        return List.of();
    }
}
