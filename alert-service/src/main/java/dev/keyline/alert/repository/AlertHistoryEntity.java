package dev.keyline.alert.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code alert_history}: one change of an alert, and who or what made it. */
@Entity
@Table(name = "alert_history")
public class AlertHistoryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    /** The wire name of the transition kind, such as {@code raised}. */
    @Column(nullable = false)
    public String change;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public long occurrences;

    /** The time of the event that made the change, or of the operator's request. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** {@code event <event id>} or {@code operator <principal>}. */
    @Column(nullable = false)
    public String actor;

    /** The operator's comment on an acknowledgement, with any key masked; null for other changes. */
    public String comment;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    public Instant recordedAt;
}
