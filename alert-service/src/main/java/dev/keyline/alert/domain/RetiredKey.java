package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;

/**
 * A key that an operator retired, as the balance's {@code state} shows. Stations no longer install it, so it needs
 * neither a top-up nor a reorder. Devices committed to it before it was retired still activate against it.
 */
final class RetiredKey {

    static final String STATE = "retired";

    private RetiredKey() {}

    static boolean is(BalanceChanged balance) {
        return STATE.equals(balance.state());
    }

    /**
     * Returns a summary such as {@code KEY-B was retired, so stations no longer install it and it needs no top-up; it
     * has 5 activations available (allotment 100, consumed 95, committed 0)}, for {@code unneeded} {@code top-up}.
     */
    static String summary(String name, String unneeded, BalanceChanged balance) {
        return String.format(
                "%s was retired, so stations no longer install it and it needs no %s; it has %d activations available"
                        + " %s",
                name, unneeded, balance.available(), BalanceText.counts(balance));
    }
}
