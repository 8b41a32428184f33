package dev.keyline.ledger.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One append-only journal entry; {@code hash} chains it to the key's previous entry. */
@Entity
@Table(name = "journal")
public class JournalEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "entry_type")
    public String entryType;

    public String serial;

    @Column(name = "allotment_delta")
    public long allotmentDelta;

    @Column(name = "committed_delta")
    public int committedDelta;

    @Column(name = "consumed_delta")
    public int consumedDelta;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    /** Set by the database when the entry is written. */
    @Column(name = "booked_at", insertable = false, updatable = false)
    public Instant bookedAt;
}
