package dev.keyline.alert.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code silences}. */
@Entity
@Table(name = "silences")
public class SilenceEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The matchers in Alertmanager's API v2 form, as {@code {"matchers": [...]}}; see {@link SilenceMatchers}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String matchers;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public String comment;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expired_by")
    public String expiredBy;
}
