package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.ProductKeyEntity;
import java.time.Instant;

/** A key's balance as the API returns it; {@code available} below zero means over-committed. */
public record KeyBalanceResponse(
        String keyId,
        String partialKey,
        String fingerprint,
        long allotment,
        long committed,
        long consumed,
        long available,
        long unattributed,
        String state,
        String stateReason,
        Instant registeredAt) {

    public static KeyBalanceResponse of(ProductKeyEntity key) {
        return new KeyBalanceResponse(
                key.keyId,
                key.partialKey,
                key.fingerprint,
                key.allotment,
                key.committed,
                key.consumed,
                key.balance().available(),
                key.unattributed,
                key.state,
                key.stateReason,
                key.registeredAt);
    }
}
