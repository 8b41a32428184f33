package dev.keyline.ledger.rest;

import dev.keyline.ledger.domain.JournalRow;
import dev.keyline.ledger.repository.JournalEntryEntity;
import java.time.Instant;

/** One journal entry with its place in the key's hash chain. */
public record JournalEntryResponse(
        long seq,
        String keyId,
        String eventId,
        String entryType,
        String serial,
        long allotmentDelta,
        int committedDelta,
        int consumedDelta,
        Instant occurredAt,
        Instant bookedAt,
        String prevHash,
        String hash) {

    static final String CSV_HEADER = "seq,key_id,event_id,entry_type,serial,allotment_delta,committed_delta,"
            + "consumed_delta,occurred_at,booked_at,prev_hash,hash";

    public static JournalEntryResponse of(JournalEntryEntity entry) {
        return new JournalEntryResponse(
                entry.seq,
                entry.keyId,
                entry.eventId,
                entry.entryType,
                entry.serial,
                entry.allotmentDelta,
                entry.committedDelta,
                entry.consumedDelta,
                entry.occurredAt,
                entry.bookedAt,
                entry.prevHash,
                entry.hash);
    }

    public static JournalEntryResponse of(JournalRow row) {
        return new JournalEntryResponse(
                row.seq(),
                row.keyId(),
                row.eventId(),
                row.type().name(),
                row.serial(),
                row.allotmentDelta(),
                row.committedDelta(),
                row.consumedDelta(),
                row.occurredAt(),
                row.bookedAt(),
                row.prevHash(),
                row.hash());
    }

    String csvRow() {
        return String.join(
                ",",
                Long.toString(seq),
                Csv.field(keyId),
                Csv.field(eventId),
                entryType,
                Csv.field(serial),
                Long.toString(allotmentDelta),
                Integer.toString(committedDelta),
                Integer.toString(consumedDelta),
                occurredAt.toString(),
                bookedAt == null ? "" : bookedAt.toString(),
                prevHash,
                hash);
    }
}
