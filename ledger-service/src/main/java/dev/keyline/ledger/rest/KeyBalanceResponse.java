package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.ProductKeyEntity;
import java.time.Instant;
import java.util.Objects;

/**
 * A key's balance as the API returns it; {@code available} below zero means over-committed. The reported figures come
 * from the latest imported Microsoft reading: {@code reportedUsed} = the allotment as of the reading - its remaining
 * count, and {@code unexplained} = reported used - the activations booked with a time up to the reading.
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

    /** The CSV columns: every field of the JSON, in its order, in snake case. */
    static final String CSV_HEADER = "key_id,partial_key,fingerprint,allotment,committed,consumed,available,"
            + "unattributed,state,state_reason,reported_remaining,reported_used,unexplained,reported_at,registered_at";

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

    /** Returns the CSV row of this balance, with an empty field where the JSON has null. */
    String csvRow() {
        return String.join(
                ",",
                Csv.field(keyId),
                Csv.field(partialKey),
                Csv.field(fingerprint),
                Long.toString(allotment),
                Long.toString(committed),
                Long.toString(consumed),
                Long.toString(available),
                Long.toString(unattributed),
                Csv.field(state),
                Csv.field(stateReason),
                Objects.toString(reportedRemaining, ""),
                Objects.toString(reportedUsed, ""),
                Objects.toString(unexplained, ""),
                Objects.toString(reportedAt, ""),
                Objects.toString(registeredAt, ""));
    }
}
