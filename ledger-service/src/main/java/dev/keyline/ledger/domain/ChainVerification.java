package dev.keyline.ledger.domain;

import java.util.List;

/**
 * The result of checking a key's journal chain. {@code firstBrokenSeq} is the first entry whose stored previous hash
 * or own hash does not match a recomputation, or null when the chain is intact.
 */
public record ChainVerification(
        String keyId, int entries, boolean valid, String chainHead, Long firstBrokenSeq, String problem) {

    /** Recomputes every hash of a key's entries, given in journal order, and compares with the stored chain head. */
    public static ChainVerification verify(String keyId, List<JournalRow> rows, String storedChainHead) {
        String previous = JournalHash.GENESIS;
        for (JournalRow row : rows) {
            if (!row.prevHash().equals(previous)) {
                return broken(keyId, rows.size(), row.seq(), "previous hash does not match the entry before it");
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
                return broken(keyId, rows.size(), row.seq(), "hash does not match the entry's fields");
            }
            previous = row.hash();
        }
        if (!previous.equals(storedChainHead)) {
            return new ChainVerification(
                    keyId, rows.size(), false, previous, null, "the key's chain head does not match its last entry");
        }
        return new ChainVerification(keyId, rows.size(), true, previous, null, null);
    }

    private static ChainVerification broken(String keyId, int entries, long seq, String problem) {
        return new ChainVerification(keyId, entries, false, null, seq, problem);
    }
}
