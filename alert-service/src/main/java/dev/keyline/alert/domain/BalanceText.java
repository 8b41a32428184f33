package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;

/** Text about a balance that several rules put in their summaries. */
final class BalanceText {

    private BalanceText() {}

    /** Returns {@code (allotment 100, consumed 85, committed 5)}. */
    static String counts(BalanceChanged balance) {
        return String.format(
                "(allotment %d, consumed %d, committed %d)",
                balance.allotment(), balance.consumed(), balance.committed());
    }
}
