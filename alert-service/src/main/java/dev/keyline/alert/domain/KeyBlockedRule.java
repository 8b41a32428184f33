package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.Map;

/**
 * {@code key-blocked}: Microsoft blocked a key, as an activation failing with a blocked HRESULT or the ledger's
 * {@code blocked} state shows. Critical and one alert per key, however many devices report it. It never resolves by
 * itself, because a block is lifted only through Microsoft. It resolves when an operator unblocks the key in the
 * ledger, whose balance then names the unblock as its cause, or when an operator resolves the alert. An unblock
 * resolves every key-blocked alert with the key's partial key, including one raised under a misspelt key id.
 */
public final class KeyBlockedRule {

    private KeyBlockedRule() {}

    public static Evaluation onFailure(String keyId, String partialKey, ActivationAttempted attempt) {
        String summary = String.format(
                "Microsoft blocked %s: activation of %s on line %s failed with %s",
                KeyNames.name(keyId, partialKey),
                attempt.serial(),
                attempt.lineId(),
                ActivationResults.describe(attempt.result()));
        return new Evaluation.Fire(identity(keyId, partialKey), Severity.CRITICAL, summary, action(keyId, partialKey));
    }

    public static Evaluation onBalance(BalanceChanged balance) {
        if (balance.causedByUnblock()) {
            return unblocked(balance);
        }
        if (!"blocked".equals(balance.state())) {
            return Evaluation.noChange();
        }
        String summary = String.format(
                "the ledger marked %s blocked %s",
                KeyNames.name(balance.keyId(), balance.partialKey()), BalanceText.counts(balance));
        return new Evaluation.Fire(
                identity(balance.keyId(), balance.partialKey()),
                Severity.CRITICAL,
                summary,
                action(balance.keyId(), balance.partialKey()));
    }

    /**
     * Resolves every key-blocked alert with the key's partial key, because a failure reported with a misspelt key id
     * raised its own alert for the key that the ledger blocked.
     */
    private static Evaluation unblocked(BalanceChanged balance) {
        String reference = balance.causeEventId().substring(BalanceChanged.UNBLOCK_CAUSE.length());
        String summary = String.format(
                "an operator unblocked %s (reference %s), and it is %s %s",
                KeyNames.name(balance.keyId(), balance.partialKey()),
                KeyRedactor.maskForEcho(reference),
                balance.state(),
                BalanceText.counts(balance));
        if (balance.partialKey() == null) {
            return new Evaluation.Resolve(identity(balance.keyId(), null), summary);
        }
        return new Evaluation.ResolveMatching(
                AlertRule.KEY_BLOCKED, Map.of("partialKey", balance.partialKey()), Map.of(), summary);
    }

    private static String action(String keyId, String partialKey) {
        return String.format(
                "stop installing %s and switch stations to another key; devices shipped with it cannot activate, so"
                        + " contact Microsoft licensing about the block and re-key those devices. Once Microsoft lifts"
                        + " it, unblock the key in the ledger with the case number",
                KeyNames.name(keyId, partialKey));
    }

    static AlertIdentity identity(String keyId, String partialKey) {
        return AlertIdentity.of(AlertRule.KEY_BLOCKED, KeyNames.labels(keyId, partialKey));
    }
}
