package dev.keyline.schemas.events;

/**
 * A key's balance after the ledger booked a batch of events; {@code available} below zero means over-committed.
 * {@code state} is {@code active}, {@code exhausted}, {@code blocked} or {@code retired}; {@code fingerprint}
 * lets the station service recognise the key in artifacts.
 */
public record BalanceChanged(
        String keyId,
        String partialKey,
        long allotment,
        long committed,
        long consumed,
        long available,
        String causeEventId,
        String state,
        Long unattributed,
        String fingerprint)
        implements LedgerEvent {

    /** A balance without key state or unattributed count. */
    public BalanceChanged(
            String keyId,
            String partialKey,
            long allotment,
            long committed,
            long consumed,
            long available,
            String causeEventId) {
        this(keyId, partialKey, allotment, committed, consumed, available, causeEventId, null, null, null);
    }
}
