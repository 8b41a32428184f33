package dev.keyline.station.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest balance the ledger published for one key; written by {@link KeyBalanceWriter}, read by Hibernate. */
@Entity
@Table(name = "key_balances")
public class KeyBalanceEntity {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "partial_key", nullable = false)
    public String partialKey;

    @Column(name = "fingerprint")
    public String fingerprint;

    @Column(name = "allotment", nullable = false)
    public long allotment;

    @Column(name = "committed", nullable = false)
    public long committed;

    @Column(name = "consumed", nullable = false)
    public long consumed;

    @Column(name = "available", nullable = false)
    public long available;

    @Column(name = "state")
    public String state;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
