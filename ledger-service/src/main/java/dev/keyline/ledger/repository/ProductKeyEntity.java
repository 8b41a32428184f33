package dev.keyline.ledger.repository;

import dev.keyline.ledger.domain.KeyBalance;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered key's row; the counts change only through journal entries booked in the same transaction. */
@Entity
@Table(name = "product_keys")
public class ProductKeyEntity extends PanacheEntityBase {

    @Id
    @Column(name = "key_id")
    public String keyId;

    public String fingerprint;

    @Column(name = "partial_key")
    public String partialKey;

    public long allotment;
    public long committed;
    public long consumed;
    public long unattributed;

    @Column(name = "chain_head")
    public String chainHead;

    @Column(name = "registered_at")
    public Instant registeredAt;

    /** {@code active}, {@code exhausted}, {@code blocked} or {@code retired}; see {@code KeyState}. */
    public String state = "active";

    @Column(name = "state_reason")
    public String stateReason;

    /** Remaining activations in the latest imported Microsoft reading, or null before the first import. */
    @Column(name = "reported_remaining")
    public Long reportedRemaining;

    @Column(name = "reported_at")
    public Instant reportedAt;

    /** The allotment as of the latest reading's time, or null for a reading imported before it was kept. */
    @Column(name = "reported_allotment")
    public Long reportedAllotment;

    /** The activations booked with a time up to the newest reading's time, or null before the first reading. */
    @Column(name = "reported_consumed")
    public Long reportedConsumed;

    /** The version of the key's last published balance; {@code LedgerEvents} advances it. */
    @Column(name = "balance_version")
    public long balanceVersion;

    /** Returns the activations Microsoft counted as used: the allotment at the reading less its remaining count. */
    public Long reportedUsed() {
        if (reportedRemaining == null) {
            return null;
        }
        long allotmentThen = reportedAllotment == null ? allotment : reportedAllotment;
        return allotmentThen - reportedRemaining;
    }

    /**
     * Returns the activations Microsoft counted that the ledger did not book for times up to the reading, or null
     * without a reading. Activations booked for later times do not lower it.
     */
    public Long unexplained() {
        Long used = reportedUsed();
        return used == null ? null : used - (reportedConsumed == null ? consumed : reportedConsumed);
    }

    public KeyBalance balance() {
        return new KeyBalance(keyId, partialKey, allotment, committed, consumed, unattributed);
    }
}
