package dev.keyline.station.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A key found in an answer file on a device's image that keeps the device from shipping. */
@Entity
@Table(name = "device_findings")
public class DeviceFindingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "serial", nullable = false)
    public String serial;

    /** The answer file's path on the image. */
    @Column(name = "source", nullable = false)
    public String source;

    @Column(name = "location", nullable = false)
    public String location;

    @Column(name = "line", nullable = false)
    public int line;

    @Column(name = "severity", nullable = false)
    public String severity;

    @Column(name = "key_class", nullable = false)
    public String keyClass;

    @Column(name = "masked_key", nullable = false)
    public String maskedKey;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "exposure_event_id", nullable = false)
    public UUID exposureEventId;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;
}
