package dev.keyline.ledger.repository;

import dev.keyline.ledger.domain.DeviceState;
import dev.keyline.ledger.domain.DeviceStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A device's row, identified by its serial (never by its hardware hash). */
@Entity
@Table(name = "devices")
public class DeviceEntity extends PanacheEntityBase {

    @Id
    public String serial;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "partial_key")
    public String partialKey;

    @Column(name = "line_id")
    public String lineId;

    @Column(name = "station_id")
    public String stationId;

    public String method;

    @Enumerated(EnumType.STRING)
    public DeviceStatus status;

    @Column(name = "activation_attempts")
    public int activationAttempts;

    @Column(name = "successful_activations")
    public int successfulActivations;

    @Column(name = "last_result")
    public String lastResult;

    @Column(name = "provisioned_at")
    public Instant provisionedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "hardware_hash")
    public String hardwareHash;

    @Column(name = "uwf_enabled")
    public Boolean uwfEnabled;

    public int reactivations;

    public DeviceState state() {
        return new DeviceState(
                serial,
                keyId,
                partialKey,
                lineId,
                stationId,
                method,
                status,
                activationAttempts,
                successfulActivations,
                lastResult,
                provisionedAt,
                activatedAt,
                hardwareHash,
                uwfEnabled,
                reactivations);
    }

    public void copyFrom(DeviceState state) {
        serial = state.serial();
        keyId = state.keyId();
        partialKey = state.partialKey();
        lineId = state.lineId();
        stationId = state.stationId();
        method = state.method();
        status = state.status();
        activationAttempts = state.activationAttempts();
        successfulActivations = state.successfulActivations();
        lastResult = state.lastResult();
        provisionedAt = state.provisionedAt();
        activatedAt = state.activatedAt();
        hardwareHash = state.hardwareHash();
        uwfEnabled = state.uwfEnabled();
        reactivations = state.reactivations();
    }
}
