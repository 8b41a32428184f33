package dev.keyline.ledger.domain;

import java.util.List;

/**
 * The result of checking a key's journal: its hash chain, and its stored balance against the sums of its entries.
 * {@code firstBrokenSeq} is the first entry whose stored previous hash or own hash does not match a recomputation, or
 * null when the chain is intact. {@code journalTotals} are the sums of the entries, to compare with the key's counts.
 */
public record ChainVerification(
        String keyId,
        int entries,
        boolean valid,
        String chainHead,
        Long firstBrokenSeq,
        String problem,
        JournalTotals journalTotals) {

    /**
     * Recomputes every hash of a key's entries, given in journal order, compares the last with the stored chain head,
     * and compares the entries' sums with the key's stored counts.
     */
    public static ChainVerification verify(
            String keyId, List<JournalRow> rows, String storedChainHead, JournalTotals storedCounts) {
        JournalTotals totals = JournalTotals.of(rows);
        String previous = JournalHash.GENESIS;
        for (JournalRow row : rows) {
            if (!row.prevHash().equals(previous)) {
                return broken(
                        keyId, rows.size(), row.seq(), "previous hash does not match the entry before it", totals);
            }
            String expected = JournalHash.next(
                    previous,
                    row.keyId(),
                    row.eventId(),
                    row.type(),
                    row.serial(),
                    row.allotmentDelta(),
                    row.committedDelta(),
                    row.consumedDelta(),
                    row.occurredAt());
            if (!expected.equals(row.hash())) {
                return broken(keyId, rows.size(), row.seq(), "hash does not match the entry's fields", totals);
            }
            previous = row.hash();
        }
        if (!previous.equals(storedChainHead)) {
            return new ChainVerification(
                    keyId,
                    rows.size(),
                    false,
                    previous,
                    null,
                    "the key's chain head does not match its last entry",
                    totals);
        }
        List<String> differences = totals.differencesFrom(storedCounts);
        if (!differences.isEmpty()) {
            return new ChainVerification(
                    keyId,
                    rows.size(),
                    false,
                    previous,
                    null,
                    "the key's stored counts do not match the sums of its journal: " + String.join("; ", differences),
                    totals);
        }
        return new ChainVerification(keyId, rows.size(), true, previous, null, null, totals);
    }

    private static ChainVerification broken(String keyId, int entries, long seq, String problem, JournalTotals totals) {
        return new ChainVerification(keyId, entries, false, null, seq, problem, totals);
    }
}
