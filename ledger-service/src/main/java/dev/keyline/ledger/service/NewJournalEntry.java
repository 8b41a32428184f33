package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import java.time.Instant;

/** A journal entry booked in the current batch, with its place in its key's hash chain; not written yet. */
record NewJournalEntry(
        String keyId,
        String eventId,
        EntryType type,
        String serial,
        int committedDelta,
        int consumedDelta,
        Instant occurredAt,
        String prevHash,
        String hash) {}
