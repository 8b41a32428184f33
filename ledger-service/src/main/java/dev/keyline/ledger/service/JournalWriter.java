package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.domain.JournalHash;
import dev.keyline.ledger.repository.JournalEntryEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Appends a journal entry to a key's chain and moves the key's chain head; call inside a transaction. */
@ApplicationScoped
public class JournalWriter {

    public Uni<JournalEntryEntity> append(
            ProductKeyEntity key,
            String eventId,
            EntryType type,
            String serial,
            long allotmentDelta,
            int committedDelta,
            int consumedDelta,
            Instant occurredAt) {
        JournalEntryEntity entry = new JournalEntryEntity();
        entry.keyId = key.keyId;
        entry.eventId = eventId;
        entry.entryType = type.name();
        entry.serial = serial;
        entry.allotmentDelta = allotmentDelta;
        entry.committedDelta = committedDelta;
        entry.consumedDelta = consumedDelta;
        entry.occurredAt = occurredAt;
        entry.prevHash = key.chainHead;
        entry.hash = JournalHash.next(
                key.chainHead,
                key.keyId,
                eventId,
                type,
                serial,
                allotmentDelta,
                committedDelta,
                consumedDelta,
                occurredAt);
        key.chainHead = entry.hash;
        return entry.persist();
    }
}
