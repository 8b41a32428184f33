package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.BalanceChanged;
import java.util.Optional;

/**
 * {@code key-exhausted}: a key has no activations left, because its available count is at or below the threshold
 * (default 0) or Microsoft reported it exhausted ({@link ExhaustionMark}). Critical, because every further device
 * installed with the key cannot activate. It resolves when a balance shows activations available and no exhaustion
 * mark, which takes a top-up. A balance of a retired key resolves it too, because stations no longer install that key.
 * Devices committed to it beyond its allotment raise {@code key-over-committed}. An activation that fails with an
 * exhausted HRESULT still fires it, while the ledger keeps the key {@code retired}.
 */
public final class KeyExhaustedRule {

    static final String ACTION = "switch stations to another key now, and top up this key before devices installed"
            + " with it reach customers";

    private final long threshold;

    public KeyExhaustedRule(long threshold) {
        this.threshold = threshold;
    }

    /** Evaluates a balance against the key's exhaustion mark after that balance. */
    public Evaluation onBalance(BalanceChanged balance, Optional<ExhaustionMark> mark) {
        AlertIdentity identity = identity(balance.keyId(), balance.partialKey());
        String name = KeyNames.name(balance.keyId(), balance.partialKey());

        if (RetiredKey.is(balance)) {
            return new Evaluation.Resolve(identity, RetiredKey.summary(name, "top-up", balance));
        }
        if (balance.available() <= threshold) {
            String summary = String.format(
                    "%s has %d activations available %s", name, balance.available(), BalanceText.counts(balance));
            if (mark.isPresent()) {
                summary +=
                        "; Microsoft also reported it exhausted: " + mark.get().reason();
            }
            return new Evaluation.Fire(identity, Severity.CRITICAL, summary, ACTION);
        }
        if (mark.isPresent()) {
            String summary = String.format(
                    "Microsoft reported %s exhausted (%s); the ledger still counts %d available %s, but no allotment"
                            + " was added since",
                    name, mark.get().reason(), balance.available(), BalanceText.counts(balance));
            return new Evaluation.Fire(identity, Severity.CRITICAL, summary, ACTION);
        }
        return new Evaluation.Resolve(
                identity,
                String.format(
                        "%s has %d activations available %s", name, balance.available(), BalanceText.counts(balance)));
    }

    /** Evaluates an activation that failed with an exhausted HRESULT, for the key it was attributed to. */
    public Evaluation onFailure(String keyId, String partialKey, ActivationAttempted attempt) {
        String summary = String.format(
                "Microsoft reported %s exhausted: activation of %s on line %s failed with %s",
                KeyNames.name(keyId, partialKey),
                attempt.serial(),
                attempt.lineId(),
                ActivationResults.describe(attempt.result()));
        return new Evaluation.Fire(identity(keyId, partialKey), Severity.CRITICAL, summary, ACTION);
    }

    static AlertIdentity identity(String keyId, String partialKey) {
        return AlertIdentity.of(AlertRule.KEY_EXHAUSTED, KeyNames.labels(keyId, partialKey));
    }
}
