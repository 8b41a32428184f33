package dev.keyline.station.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The first response to a report request sent with an {@code Idempotency-Key}, stored for a resend. */
@Entity
@Table(name = "idempotent_requests")
public class IdempotentRequest {

    /** {@code lineId/stationId/key}: a key belongs to the station that sent it. */
    @Id
    @Column(name = "scope")
    public String scope;

    @Column(name = "line_id", nullable = false)
    public String lineId;

    @Column(name = "station_id", nullable = false)
    public String stationId;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /** The request's {@code RequestFingerprint}, which contains no full product key. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    /** The first event the request published, or null for an artifact that published none. */
    @Column(name = "event_id")
    public UUID eventId;

    /** The 202 body as JSON, with product keys masked. */
    @Column(name = "response", nullable = false)
    public String response;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
