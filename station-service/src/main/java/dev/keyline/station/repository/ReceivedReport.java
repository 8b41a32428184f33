package dev.keyline.station.repository;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.LineEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Audit row of one accepted report: which event it became, for which device and key, and when it arrived. */
@Entity
@Table(name = "reports")
public class ReceivedReport {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "type", nullable = false)
    public String type;

    @Column(name = "serial", nullable = false)
    public String serial;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "station_id", nullable = false)
    public String stationId;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "partial_key")
    public String partialKey;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "exposures", nullable = false)
    public int exposures;

    public static ReceivedReport of(CloudEvent<? extends LineEvent> event, int exposures, Instant receivedAt) {
        ReceivedReport report = new ReceivedReport();
        report.eventId = UUID.fromString(event.id());
        report.type = event.type().type();
        report.serial = event.subject();
        report.lineId = event.data().lineId();
        report.stationId = event.data().stationId();
        report.occurredAt = event.time();
        report.receivedAt = receivedAt;
        report.exposures = exposures;
        if (event.data() instanceof DeviceProvisioned provisioned) {
            report.keyId = provisioned.keyId();
            report.partialKey = provisioned.partialKey();
        } else if (event.data() instanceof ActivationAttempted attempted) {
            report.keyId = attempted.keyId();
            report.partialKey = attempted.partialKey();
        } else if (event.data() instanceof DeviceStepCompleted step) {
            report.keyId = step.keyId();
            report.partialKey = step.partialKey();
        }
        return report;
    }
}
