package dev.keyline.ledger.domain;

import java.time.Duration;
import java.time.Instant;
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
     * How far an entry's booking time may be after the ledger's clock, for a database server whose clock runs ahead.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /**
     * Recomputes every hash of a key's entries, given in journal order, compares the last with the stored chain head,
     * and compares the entries' sums with the key's stored counts. It also checks that booking times never go back
     * along the chain and are not after {@code now}, because they are not in the hash but select the entries of a
     * balance as of an instant and of a journal range. {@link ChainVerifier} does the same one entry at a time.
     */
    public static ChainVerification verify(
            String keyId, List<JournalRow> rows, String storedChainHead, JournalTotals storedCounts, Instant now) {
        ChainVerifier verifier = new ChainVerifier(keyId, now);
        rows.forEach(verifier::accept);
        return verifier.result(storedChainHead, storedCounts);
    }
}
