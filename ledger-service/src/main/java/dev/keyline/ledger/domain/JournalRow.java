package dev.keyline.ledger.domain;

import java.time.Instant;

/** A stored journal entry as the chain verification reads it. */
public record JournalRow(
        long seq,
        String keyId,
        String eventId,
        EntryType type,
        String serial,
        long allotmentDelta,
        int committedDelta,
        int consumedDelta,
        Instant occurredAt,
        String prevHash,
        String hash) {}
