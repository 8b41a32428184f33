package dev.keyline.ledger.domain;

/** A key's counts. {@code available} below zero means the line shipped devices that cannot all activate. */
public record KeyBalance(
        String keyId, String partialKey, long allotment, long committed, long consumed, long unattributed) {

    public long available() {
        return allotment - consumed - committed;
    }

    public KeyBalance apply(KeyMovement movement) {
        return new KeyBalance(
                keyId,
                partialKey,
                allotment,
                committed + movement.committedDelta(),
                consumed + movement.consumedDelta(),
                unattributed + movement.unattributedDelta());
    }
}
