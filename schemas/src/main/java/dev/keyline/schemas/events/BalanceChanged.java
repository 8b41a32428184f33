package dev.keyline.schemas.events;

/** A key's balance after the ledger booked a batch of events; {@code available} below zero means over-committed. */
public record BalanceChanged(
        String keyId,
        String partialKey,
        long allotment,
        long committed,
        long consumed,
        long available,
        String causeEventId)
        implements LedgerEvent {}
