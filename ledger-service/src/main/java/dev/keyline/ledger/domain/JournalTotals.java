package dev.keyline.ledger.domain;

import java.util.List;

/**
 * A key's counts as the sums of its journal entries: what its stored balance must equal. Unattributed consumption is
 * the number of unattributed successes less the ones a late provisioning matched.
 */
public record JournalTotals(long allotment, long committed, long consumed, long unattributed) {

    public static JournalTotals of(List<JournalRow> rows) {
        long allotment = 0;
        long committed = 0;
        long consumed = 0;
        long unattributed = 0;
        for (JournalRow row : rows) {
            allotment += row.allotmentDelta();
            committed += row.committedDelta();
            consumed += row.consumedDelta();
            if (row.type() == EntryType.UNATTRIBUTED_CONSUMED) {
                unattributed++;
            } else if (row.type() == EntryType.MATCHED) {
                unattributed--;
            }
        }
        return new JournalTotals(allotment, committed, consumed, unattributed);
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
