package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;

/**
 * {@code key-over-committed}: the devices committed to a key plus its consumed activations exceed its allotment by
 * more than the tolerance (default 0), so devices already provisioned with it cannot all activate. Resolves when a
 * balance is back within the allotment plus the tolerance, as after a top-up.
 *
 * <p>A retired key is no longer installed, but the devices committed to it before still need its activations. So it
 * keeps firing while devices committed to it cannot activate, and its action is to re-key them. It resolves when no
 * device is committed, because then only consumption is above the allotment and nothing is left to do.
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

        boolean retired = RetiredKey.is(balance);
        if (excess > tolerance && retired && balance.committed() <= 0) {
            return new Evaluation.Resolve(
                    identity,
                    String.format(
                            "%s was retired, so stations no longer install it, and no device committed to it waits for"
                                    + " an activation %s",
                            name, BalanceText.counts(balance)));
        }
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
            String action = retired ? retiredAction(balance.keyId(), excess) : action(balance.keyId(), excess);
            return new Evaluation.Fire(identity, Severity.CRITICAL, summary, action);
        }
        return new Evaluation.Resolve(
                identity,
                String.format(
                        "%s has %d devices committed and %d activations consumed, within its allotment of %d",
                        name, balance.committed(), balance.consumed(), balance.allotment()));
    }

    private static String action(String keyId, long excess) {
        return String.format(
                "top up %s by at least %d activations before these devices reach customers, or re-key the devices"
                        + " that have not shipped; stop installing the key until then",
                keyId, excess);
    }

    private static String retiredAction(String keyId, long excess) {
        return String.format(
                "%s is retired, so stations no longer install it; re-key its committed devices that have not shipped,"
                        + " or top it up by at least %d activations so that those that shipped can activate",
                keyId, excess);
    }
}
