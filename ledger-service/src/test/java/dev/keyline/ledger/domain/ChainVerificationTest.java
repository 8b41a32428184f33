package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

    private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-03T06:00:00Z");

    /** The counts of {@link #chain}: three devices committed. */
    private static final JournalTotals THREE_COMMITTED = new JournalTotals(0, 3, 0, 0);

    private static List<JournalRow> chain(int length) {
        List<JournalRow> rows = new ArrayList<>();
        String previous = JournalHash.GENESIS;
        for (int i = 1; i <= length; i++) {
            String hash = JournalHash.next(previous, "KEY-A", "e-" + i, EntryType.COMMITTED, "SN-" + i, 0, 1, 0, T0);
            rows.add(new JournalRow(
                    i,
                    "KEY-A",
                    "e-" + i,
                    EntryType.COMMITTED,
                    "SN-" + i,
                    0,
                    1,
                    0,
                    T0,
                    previous,
                    hash,
                    T0.plusSeconds(i)));
            previous = hash;
        }
        return rows;
    }

    @Test
    void intactChainVerifies() {
        List<JournalRow> rows = chain(3);

        ChainVerification result =
                ChainVerification.verify("KEY-A", rows, rows.get(2).hash(), THREE_COMMITTED, NOW);

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.chainHead()).isEqualTo(rows.get(2).hash());
        assertThat(result.firstBrokenSeq()).isNull();
        assertThat(result.journalTotals()).isEqualTo(THREE_COMMITTED);
    }

    @Test
    void storedCountsThatDifferFromJournalFailVerification() {
        List<JournalRow> rows = chain(3);

        ChainVerification result =
                ChainVerification.verify("KEY-A", rows, rows.get(2).hash(), new JournalTotals(0, 3, -1, 0), NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isNull();
        assertThat(result.problem())
                .isEqualTo("the key's stored counts do not match the sums of its journal:"
                        + " consumed 0 in the journal, -1 stored");
        assertThat(result.journalTotals()).isEqualTo(THREE_COMMITTED);
    }

    @Test
    void totalsCountUnattributedLessMatched() {
        List<JournalRow> rows = List.of(
                row(1, EntryType.REGISTERED, 50, 0, 0),
                row(2, EntryType.UNATTRIBUTED_CONSUMED, 0, 0, 1),
                row(3, EntryType.UNATTRIBUTED_CONSUMED, 0, 0, 1),
                row(4, EntryType.MATCHED, 0, 0, 0),
                row(5, EntryType.TOPPED_UP, 10, 0, 0),
                row(6, EntryType.COMMITTED, 0, 1, 0),
                row(7, EntryType.CONSUMED, 0, -1, 1));

        assertThat(JournalTotals.of(rows)).isEqualTo(new JournalTotals(60, 0, 3, 1));
    }

    private static JournalRow row(long seq, EntryType type, long allotment, int committed, int consumed) {
        return new JournalRow(seq, "KEY-A", "e-" + seq, type, null, allotment, committed, consumed, T0, "", "", null);
    }

    @Test
    void editedEntryBreaksChainAtThatEntry() {
        List<JournalRow> rows = new ArrayList<>(chain(3));
        JournalRow second = rows.get(1);
        rows.set(
                1,
                new JournalRow(
                        second.seq(),
                        second.keyId(),
                        second.eventId(),
                        second.type(),
                        second.serial(),
                        0,
                        0,
                        1,
                        second.occurredAt(),
                        second.prevHash(),
                        second.hash(),
                        second.bookedAt()));

        ChainVerification result =
                ChainVerification.verify("KEY-A", rows, rows.get(2).hash(), THREE_COMMITTED, NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(2L);
        assertThat(result.problem()).isEqualTo("hash does not match the entry's fields");
    }

    @Test
    void brokenChainStillCountsEveryEntry() {
        List<JournalRow> rows = new ArrayList<>(chain(5));
        String head = rows.get(4).hash();
        rows.remove(1);

        ChainVerification result = ChainVerification.verify("KEY-A", rows, head, new JournalTotals(0, 5, 0, 0), NOW);

        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.entries()).isEqualTo(4);
        assertThat(result.journalTotals()).isEqualTo(new JournalTotals(0, 4, 0, 0));
        assertThat(result.chainHead()).isNull();
    }

    @Test
    void verifierFedInPagesAgreesWithList() {
        List<JournalRow> rows = chain(7);
        ChainVerifier verifier = new ChainVerifier("KEY-A", NOW);

        for (int from = 0; from < rows.size(); from += 3) {
            rows.subList(from, Math.min(rows.size(), from + 3)).forEach(verifier::accept);
        }

        JournalTotals sevenCommitted = new JournalTotals(0, 7, 0, 0);
        assertThat(verifier.result(rows.get(6).hash(), sevenCommitted))
                .isEqualTo(ChainVerification.verify("KEY-A", rows, rows.get(6).hash(), sevenCommitted, NOW));
        assertThat(verifier.result(rows.get(6).hash(), sevenCommitted).valid()).isTrue();
    }

    @Test
    void removedEntryBreaksChainAfterIt() {
        List<JournalRow> rows = new ArrayList<>(chain(3));
        String head = rows.get(2).hash();
        rows.remove(1);

        ChainVerification result = ChainVerification.verify("KEY-A", rows, head, THREE_COMMITTED, NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
    }

    @Test
    void droppedLastEntryFailsHeadCheck() {
        List<JournalRow> rows = new ArrayList<>(chain(3));
        String head = rows.get(2).hash();
        rows.remove(2);

        ChainVerification result = ChainVerification.verify("KEY-A", rows, head, THREE_COMMITTED, NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.problem()).isEqualTo("the key's chain head does not match its last entry");
    }

    @Test
    void bookingTimeMovedLaterFailsAtNextEntry() {
        List<JournalRow> rows = new ArrayList<>(chain(3));
        rows.set(1, booked(rows.get(1), Instant.parse("2026-11-02T07:00:00Z")));

        ChainVerification result =
                ChainVerification.verify("KEY-A", rows, rows.get(2).hash(), THREE_COMMITTED, NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.problem())
                .isEqualTo("booked at 2026-11-02T06:00:03Z, before the entry before it (2026-11-02T07:00:00Z):"
                        + " booking times are not in the hash, so one was changed or the database's clock went back");
    }

    @Test
    void lastBookingInFutureFails() {
        List<JournalRow> rows = new ArrayList<>(chain(3));
        rows.set(
                2,
                booked(rows.get(2), NOW.plus(ChainVerification.CLOCK_TOLERANCE).plusSeconds(1)));

        ChainVerification result =
                ChainVerification.verify("KEY-A", rows, rows.get(2).hash(), THREE_COMMITTED, NOW);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.problem()).startsWith("booked at 2026-11-03T06:05:01Z, after the ledger's clock");
    }

    @Test
    void bookingWithinClockToleranceVerifies() {
        List<JournalRow> rows = new ArrayList<>(chain(3));
        rows.set(2, booked(rows.get(2), NOW.plus(ChainVerification.CLOCK_TOLERANCE)));

        ChainVerification result =
                ChainVerification.verify("KEY-A", rows, rows.get(2).hash(), THREE_COMMITTED, NOW);

        assertThat(result.valid()).isTrue();
    }

    private static JournalRow booked(JournalRow row, Instant bookedAt) {
        return new JournalRow(
                row.seq(),
                row.keyId(),
                row.eventId(),
                row.type(),
                row.serial(),
                row.allotmentDelta(),
                row.committedDelta(),
                row.consumedDelta(),
                row.occurredAt(),
                row.prevHash(),
                row.hash(),
                bookedAt);
    }

    @Test
    void exhaustedAndBlockedResultsMarkKey() {
        assertThat(KeyState.provenBy("0xC004C020")).contains(KeyState.EXHAUSTED);
        assertThat(KeyState.provenBy("0xC004C008")).contains(KeyState.EXHAUSTED);
        assertThat(KeyState.provenBy("0xC004C003")).contains(KeyState.BLOCKED);
        assertThat(KeyState.provenBy("0xC004C060")).contains(KeyState.BLOCKED);
        assertThat(KeyState.provenBy("0xC004F074")).isEmpty();
    }
}
