package dev.keyline.alert.repository;

import dev.keyline.alert.domain.Acknowledgement;
import dev.keyline.alert.domain.AlertIdentity;
import dev.keyline.alert.domain.AlertRule;
import dev.keyline.alert.domain.AlertState;
import dev.keyline.alert.domain.AlertStatus;
import dev.keyline.alert.domain.Severity;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code alerts}. Rule, severity and status contain the wire names of their enums. */
@Entity
@Table(name = "alerts")
public class AlertEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String identity;

    @Column(nullable = false)
    public String rule;

    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> labels;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String action;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "firing_since", nullable = false)
    public Instant firingSince;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(nullable = false)
    public long occurrences;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledge_comment")
    public String acknowledgeComment;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** Optimistic lock: a change to a row that another transaction changed meanwhile fails, and is retried. */
    @Version
    public long version;

    /** Wall-clock time of the last change this service made to the row. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Returns the id of the alert with this identity: a name-based UUID (version 3) of the identity text, so
     * replaying the topics into an empty database gives every alert the id it had before.
     */
    public static UUID idOf(AlertIdentity identity) {
        return UUID.nameUUIDFromBytes(identity.text().getBytes(StandardCharsets.UTF_8));
    }

    public AlertState toState() {
        return new AlertState(
                AlertIdentity.of(AlertRule.find(rule).orElseThrow(() -> unknown("rule", rule)), labels),
                Severity.find(severity).orElseThrow(() -> unknown("severity", severity)),
                AlertStatus.find(status).orElseThrow(() -> unknown("status", status)),
                summary,
                action,
                firstSeen,
                lastSeen,
                firingSince,
                resolvedAt,
                occurrences,
                acknowledgedBy == null ? null : new Acknowledgement(acknowledgedBy, acknowledgedAt, acknowledgeComment),
                resolvedBy);
    }

    /**
     * Copies a state from the lifecycle into this row, creating the id for a new alert. {@code now} is the wall-clock
     * time of the change.
     */
    public void update(AlertState state, Instant now) {
        if (id == null) {
            id = idOf(state.identity());
        }
        identity = state.identity().text();
        rule = state.identity().rule().wireName();
        labels = Map.copyOf(state.identity().labels());
        severity = state.severity().wireName();
        status = state.status().wireName();
        summary = state.summary();
        action = state.action();
        firstSeen = state.firstSeen();
        lastSeen = state.lastSeen();
        firingSince = state.firingSince();
        resolvedAt = state.resolvedAt();
        occurrences = state.occurrences();
        Acknowledgement acknowledgement = state.acknowledgement();
        acknowledgedBy = acknowledgement == null ? null : acknowledgement.by();
        acknowledgedAt = acknowledgement == null ? null : acknowledgement.at();
        acknowledgeComment = acknowledgement == null ? null : acknowledgement.comment();
        resolvedBy = state.resolvedBy();
        updatedAt = now;
    }

    private IllegalStateException unknown(String column, String value) {
        return new IllegalStateException(
                "alert " + id + " has an unknown " + column + " '" + value + "'; fix the row in the alerts table");
    }
}
