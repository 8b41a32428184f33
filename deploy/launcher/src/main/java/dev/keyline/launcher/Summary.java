package dev.keyline.launcher;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Balances, devices and alerts that the services report after a scenario, read from their HTTP APIs.
 *
 * @param keys every key's balance from the ledger-service
 * @param devices the ledger-service's device count, including devices it only saw activate
 * @param firingAlertsByRule firing alerts from the alert-service, counted by rule
 * @param stack where the stack runs and the tokens for calling it
 */
public record Summary(
        List<KeyBalance> keys, long devices, SortedMap<String, Long> firingAlertsByRule, StackInfo stack) {

    public Summary {
        keys = List.copyOf(keys);
        firingAlertsByRule = new TreeMap<>(firingAlertsByRule);
    }
}
