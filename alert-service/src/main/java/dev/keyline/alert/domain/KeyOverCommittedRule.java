package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;

/**
 * {@code key-over-committed}: the devices committed to a key plus its consumed activations exceed its allotment by
 * more than the tolerance (default 0), so devices already provisioned with it cannot all activate. Resolves when a
 * balance is back within the allotment plus the tolerance, as after a top-up.
 */
public final class KeyOverCommittedRule {

    private final long tolerance;

    public KeyOverCommittedRule(long tolerance) {
        if (tolerance < 0) {
            throw new IllegalArgumentException(
                    "key-over-committed tolerance must be 0 or more, but is " + tolerance + "; set a value >= 0");
        }
        this.tolerance = tolerance;
    }

    public Evaluation evaluate(BalanceChanged balance) {
        AlertIdentity identity =
                AlertIdentity.of(AlertRule.KEY_OVER_COMMITTED, KeyNames.labels(balance.keyId(), balance.partialKey()));
        long excess = balance.committed() + balance.consumed() - balance.allotment();
        String name = KeyNames.name(balance.keyId(), balance.partialKey());

        if (excess > tolerance) {
            // Only committed devices are still waiting to activate; the rest of the excess was already consumed.
            long stranded = Math.min(excess, balance.committed());
            String outcome = stranded > 0
                    ? stranded + " of its committed devices cannot activate"
                    : "consumption alone is above the allotment";
            String summary = String.format(
                    "%s has %d devices committed and %d activations consumed against an allotment of %d, %d more"
                            + " than it allows: %s",
                    name, balance.committed(), balance.consumed(), balance.allotment(), excess, outcome);
            String action = String.format(
                    "top up %s by at least %d activations before these devices reach customers, or re-key the devices"
                            + " that have not shipped; stop installing the key until then",
                    balance.keyId(), excess);
            return new Evaluation.Fire(identity, Severity.CRITICAL, summary, action);
        }
        return new Evaluation.Resolve(
                identity,
                String.format(
                        "%s has %d devices committed and %d activations consumed, within its allotment of %d",
                        name, balance.committed(), balance.consumed(), balance.allotment()));
    }
}
