package dev.keyline.ledger.domain;

import java.util.List;

/**
 * A key's counts as the sums of its journal entries: what its stored balance must equal. Unattributed consumption is
 * the number of unattributed successes less the ones a late provisioning matched.
 */
public record JournalTotals(long allotment, long committed, long consumed, long unattributed) {

    /** The totals of no entries. */
    public static final JournalTotals NONE = new JournalTotals(0, 0, 0, 0);

    public static JournalTotals of(List<JournalRow> rows) {
        JournalTotals totals = NONE;
        for (JournalRow row : rows) {
            totals = totals.plus(row);
        }
        return totals;
    }

    /** Returns these totals with one more entry added. */
    public JournalTotals plus(JournalRow row) {
        long unattributedDelta = 0;
        if (row.type() == EntryType.UNATTRIBUTED_CONSUMED) {
            unattributedDelta = 1;
        } else if (row.type() == EntryType.MATCHED) {
            unattributedDelta = -1;
        }
        return new JournalTotals(
                allotment + row.allotmentDelta(),
                committed + row.committedDelta(),
                consumed + row.consumedDelta(),
                unattributed + unattributedDelta);
    }

    /** Names each count that differs from {@code stored}, such as {@code consumed 1 in the journal, 0 stored}. */
    public List<String> differencesFrom(JournalTotals stored) {
        return List.of(
                        difference("allotment", allotment, stored.allotment),
                        difference("committed", committed, stored.committed),
                        difference("consumed", consumed, stored.consumed),
                        difference("unattributed", unattributed, stored.unattributed))
                .stream()
                .filter(text -> !text.isEmpty())
                .toList();
    }

    private static String difference(String name, long journal, long stored) {
        return journal == stored ? "" : name + " " + journal + " in the journal, " + stored + " stored";
    }
}
