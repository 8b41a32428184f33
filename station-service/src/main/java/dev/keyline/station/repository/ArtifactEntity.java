package dev.keyline.station.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A station artifact as received, with every full product key masked. */
@Entity
@Table(name = "artifacts")
public class ArtifactEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kind", nullable = false)
    public String kind;

    @Column(name = "serial")
    public String serial;

    @Column(name = "path")
    public String path;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "station_id", nullable = false)
    public String stationId;

    /** The artifact text after redaction; it never contains a full product key. */
    @Column(name = "content", nullable = false)
    public String content;

    @Column(name = "exposures", nullable = false)
    public int exposures;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
