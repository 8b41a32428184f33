package dev.keyline.station.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a device's history, reported by a station or implied by a later step. */
@Entity
@Table(name = "device_steps")
public class DeviceStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "serial", nullable = false)
    public String serial;

    @Column(name = "cycle", nullable = false)
    public int cycle;

    @Column(name = "step", nullable = false)
    public String step;

    @Column(name = "implied", nullable = false)
    public boolean implied;

    @Column(name = "repeat", nullable = false)
    public boolean repeat;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "station_id", nullable = false)
    public String stationId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
