package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;

/**
 * {@code unexplained-consumption}: Microsoft's reported use of a key exceeds the ledger's booked consumption by more
 * than the tolerance (default 3), which points to activations outside the line, such as from a leaked key. Fires
 * only once an operator imported a Microsoft reading, and resolves when a later reading is within the tolerance.
 */
public final class UnexplainedConsumptionRule {

    private final long tolerance;

    public UnexplainedConsumptionRule(long tolerance) {
        this.tolerance = tolerance;
    }

    public Evaluation evaluate(BalanceChanged balance) {
        if (balance.unexplained() == null) {
            return Evaluation.noChange();
        }
        AlertIdentity identity = AlertIdentity.of(
                AlertRule.UNEXPLAINED_CONSUMPTION, KeyNames.labels(balance.keyId(), balance.partialKey()));
        // Unexplained use compares the reading with the activations booked up to its time. The event carries neither
        // the allotment as of the reading nor that count, so the text gives the remaining count and today's use.
        String readings = String.format(
                "(Microsoft-reported remaining %s, consumed in the ledger now %d)",
                balance.reportedRemaining(), balance.consumed());
        String name = KeyNames.name(balance.keyId(), balance.partialKey());

        if (balance.unexplained() > tolerance) {
            String summary = String.format(
                    "Microsoft counts %d more activations of %s than the ledger booked up to the reading %s, above the"
                            + " tolerance of %d",
                    balance.unexplained(), name, readings, tolerance);
            String action = String.format(
                    "treat %s as possibly leaked: compare the devices in VAMT's activation history with the ledger's"
                            + " devices, look for activations from outside the line, and ask Microsoft to block the key"
                            + " if it leaked; a later reading within the tolerance resolves this alert",
                    balance.keyId());
            return new Evaluation.Fire(identity, Severity.HIGH, summary, action);
        }
        return new Evaluation.Resolve(
                identity,
                String.format(
                        "Microsoft's count of %s differs from the ledger by %d %s, within the tolerance of %d",
                        name, balance.unexplained(), readings, tolerance));
    }
}
