package dev.keyline.schemas.events;

/**
 * A key's balance after the ledger booked a batch of events; {@code available} below zero means over-committed.
 * {@code state} is {@code active}, {@code exhausted}, {@code blocked} or {@code retired}; {@code fingerprint}
 * lets the station service recognise the key in artifacts;
 * {@code unexplained} is (allotment as of the reading - reported remaining) - activations booked with a time up to the
 * reading, once a Microsoft reading was imported.
 * {@code version} grows by one with each balance of the key, so the latest balance is the one with the highest
 * version, whatever the times of the events that caused them.
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
        String fingerprint,
        Long reportedRemaining,
        Long unexplained,
        Long version)
        implements LedgerEvent {

    /**
     * The start of {@code causeEventId} when an operator unblocked the key, followed by the operator's reference. Such
     * a balance has state {@code active}, or {@code exhausted} when Microsoft reported the key exhausted before the
     * block, and the alert service resolves the key's {@code key-blocked} on it.
     */
    public static final String UNBLOCK_CAUSE = "unblock:";

    /** Tells whether an operator's unblocking of the key caused this balance. */
    public boolean causedByUnblock() {
        return causeEventId != null && causeEventId.startsWith(UNBLOCK_CAUSE) && !"blocked".equals(state);
    }

    /** A balance without a version. */
    public BalanceChanged(
            String keyId,
            String partialKey,
            long allotment,
            long committed,
            long consumed,
            long available,
            String causeEventId,
            String state,
            Long unattributed,
            String fingerprint,
            Long reportedRemaining,
            Long unexplained) {
        this(
                keyId,
                partialKey,
                allotment,
                committed,
                consumed,
                available,
                causeEventId,
                state,
                unattributed,
                fingerprint,
                reportedRemaining,
                unexplained,
                null);
    }

    /** A balance without a Microsoft reading. */
    public BalanceChanged(
            String keyId,
            String partialKey,
            long allotment,
            long committed,
            long consumed,
            long available,
            String causeEventId,
            String state,
            Long unattributed,
            String fingerprint) {
        this(
                keyId,
                partialKey,
                allotment,
                committed,
                consumed,
                available,
                causeEventId,
                state,
                unattributed,
                fingerprint,
                null,
                null);
    }

    /** A balance without key state or unattributed count. */
    public BalanceChanged(
            String keyId,
            String partialKey,
            long allotment,
            long committed,
            long consumed,
            long available,
            String causeEventId) {
        this(
                keyId,
                partialKey,
                allotment,
                committed,
                consumed,
                available,
                causeEventId,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
