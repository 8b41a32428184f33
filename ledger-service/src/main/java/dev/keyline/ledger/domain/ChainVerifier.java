package dev.keyline.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a key's journal one entry at a time, in journal order, so that a chain of any length is verified without
 * holding it in memory. After the first broken entry it only counts and sums the rest. {@link #result} gives what
 * {@link ChainVerification#verify} gives for the same entries.
 */
public final class ChainVerifier {

    private final String keyId;
    private final Instant now;
    private final Instant latestBooking;

    private String previous = JournalHash.GENESIS;
    private Instant previousBooking;
    private int entries;
    private JournalTotals totals = JournalTotals.NONE;
    private Long firstBrokenSeq;
    private String problem;

    /** Starts a check of key {@code keyId}'s chain; {@code now} is the ledger's clock, the limit for booking times. */
    public ChainVerifier(String keyId, Instant now) {
        this.keyId = keyId;
        this.now = now;
        this.latestBooking = now.plus(ChainVerification.CLOCK_TOLERANCE);
    }

    /** Checks the key's next entry and adds it to the sums. */
    public void accept(JournalRow row) {
        entries++;
        totals = totals.plus(row);
        if (problem != null) {
            return;
        }

        Optional<String> rowProblem = problemOf(row);
        if (rowProblem.isPresent()) {
            firstBrokenSeq = row.seq();
            problem = rowProblem.get();
            return;
        }
        previous = row.hash();
        previousBooking = row.bookedAt() == null ? previousBooking : row.bookedAt();
    }

    /** Returns the check of every entry given so far against the key's stored chain head and counts. */
    public ChainVerification result(String storedChainHead, JournalTotals storedCounts) {
        if (problem != null) {
            return new ChainVerification(keyId, entries, false, null, firstBrokenSeq, problem, totals);
        }
        if (!previous.equals(storedChainHead)) {
            return new ChainVerification(
                    keyId,
                    entries,
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
                    entries,
                    false,
                    previous,
                    null,
                    "the key's stored counts do not match the sums of its journal: " + String.join("; ", differences),
                    totals);
        }
        return new ChainVerification(keyId, entries, true, previous, null, null, totals);
    }

    private Optional<String> problemOf(JournalRow row) {
        if (!row.prevHash().equals(previous)) {
            return Optional.of("previous hash does not match the entry before it");
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
            return Optional.of("hash does not match the entry's fields");
        }
        return bookingProblem(row);
    }

    /**
     * Returns why an entry's booking time cannot be right: before the entry before it, or after the ledger's clock.
     * The booking time is not in the hash, so either means that it was changed, or that the database's clock was wrong.
     */
    private Optional<String> bookingProblem(JournalRow row) {
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
}
