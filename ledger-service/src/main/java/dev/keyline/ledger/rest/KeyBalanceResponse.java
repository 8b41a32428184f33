package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.ProductKeyEntity;
import java.time.Instant;

/**
 * A key's balance as the API returns it; {@code available} below zero means over-committed. The reported figures come
 * from the latest imported Microsoft reading: {@code reportedUsed} = the allotment as of the reading - its remaining
 * count, and {@code unexplained} = reported used - consumed.
 */
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
        Long reportedRemaining,
        Long reportedUsed,
        Long unexplained,
        Instant reportedAt,
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
                key.reportedRemaining,
                key.reportedUsed(),
                key.unexplained(),
                key.reportedAt,
                key.registeredAt);
    }
}
