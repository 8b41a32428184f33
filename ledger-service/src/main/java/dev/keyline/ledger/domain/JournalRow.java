package dev.keyline.ledger.domain;

import java.time.Instant;

/**
 * A stored journal entry as the chain verification reads it. {@code bookedAt} is not in the hash, and may be null
 * where only the chain is checked.
 */
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
        String hash,
        Instant bookedAt) {}
