package dev.keyline.station.repository;

import dev.keyline.station.domain.InstalledKey;
import dev.keyline.station.domain.ManufacturingStep;
import dev.keyline.station.domain.WorkflowState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A device's manufacturing state: see {@link WorkflowState}. */
@Entity
@Table(name = "devices")
public class DeviceEntity {

    @Id
    @Column(name = "serial")
    public String serial;

    @Column(name = "cycle", nullable = false)
    public int cycle;

    @Column(name = "last_step")
    public String lastStep;

    @Column(name = "next_step")
    public String nextStep;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "partial_key")
    public String partialKey;

    @Column(name = "default_key", nullable = false)
    public boolean defaultKey;

    @Column(name = "license_status")
    public String licenseStatus;

    @Column(name = "product_key_channel")
    public String productKeyChannel;

    @Column(name = "license_partial_key")
    public String licensePartialKey;

    @Column(name = "notification_reason")
    public String notificationReason;

    @Column(name = "license_reported_at")
    public Instant licenseReportedAt;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "station_id", nullable = false)
    public String stationId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public WorkflowState state() {
        ManufacturingStep last =
                lastStep == null ? null : ManufacturingStep.find(lastStep).orElseThrow();
        InstalledKey key = keyId == null && partialKey == null ? null : new InstalledKey(keyId, partialKey, defaultKey);
        return new WorkflowState(serial, cycle, last, key);
    }

    public void apply(WorkflowState state, String lineId, String stationId, Instant updatedAt) {
        this.cycle = state.cycle();
        this.lastStep = state.lastStep() == null ? null : state.lastStep().wireName();
        this.nextStep = state.nextStep().map(ManufacturingStep::wireName).orElse(null);
        this.keyId = state.key() == null ? null : state.key().keyId();
        this.partialKey = state.key() == null ? null : state.key().partialKey();
        this.defaultKey = state.key() != null && state.key().defaultKey();
        this.lineId = lineId;
        this.stationId = stationId;
        this.updatedAt = updatedAt;
    }
}
