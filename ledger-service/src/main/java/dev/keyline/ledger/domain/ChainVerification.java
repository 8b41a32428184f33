package dev.keyline.ledger.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** How far an entry's booking time may be after the ledger's clock, for a database server whose clock runs ahead. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /**
     * Recomputes every hash of a key's entries, given in journal order, compares the last with the stored chain head,
     * and compares the entries' sums with the key's stored counts. It also checks that booking times never go back
     * along the chain and are not after {@code now}, because they are not in the hash but select the entries of a
     * balance as of an instant and of a journal range.
     */
    public static ChainVerification verify(
            String keyId, List<JournalRow> rows, String storedChainHead, JournalTotals storedCounts, Instant now) {
        JournalTotals totals = JournalTotals.of(rows);
        String previous = JournalHash.GENESIS;
        Instant previousBooking = null;
        Instant latestBooking = now.plus(CLOCK_TOLERANCE);
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
            Optional<String> bookingProblem = bookingProblem(row, previousBooking, latestBooking, now);
            if (bookingProblem.isPresent()) {
                return broken(keyId, rows.size(), row.seq(), bookingProblem.get(), totals);
            }
            previous = row.hash();
            previousBooking = row.bookedAt() == null ? previousBooking : row.bookedAt();
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

    /**
     * Returns why an entry's booking time cannot be right: before the entry before it, or after the ledger's clock.
     * The booking time is not in the hash, so either means that it was changed, or that the database's clock was wrong.
     */
    private static Optional<String> bookingProblem(
            JournalRow row, Instant previousBooking, Instant latestBooking, Instant now) {
        Instant booked = row.bookedAt();
        if (booked == null) {
            return Optional.empty();
        }
        if (previousBooking != null && booked.isBefore(previousBooking)) {
            return Optional.of("booked at " + booked + ", before the entry before it (" + previousBooking
                    + "): booking times are not in the hash, so one was changed or the database's clock went back");
        }
        if (booked.isAfter(latestBooking)) {
            return Optional.of("booked at " + booked + ", after the ledger's clock (" + now
                    + "): booking times are not in the hash, so one was changed or the database's clock ran ahead");
        }
        return Optional.empty();
    }

    private static ChainVerification broken(String keyId, int entries, long seq, String problem, JournalTotals totals) {
        return new ChainVerification(keyId, entries, false, null, seq, problem, totals);
    }
}
