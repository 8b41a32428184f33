package dev.keyline.ledger.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line event booked for a device: the device's history, in booking order. */
@Entity
@Table(name = "device_events")
public class DeviceEventEntity extends PanacheEntityBase {

    /** Booking order: PostgreSQL numbers the rows as they are inserted. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String serial;

    /** The booked event's id or an operator change's id. It is the primary key, so an event is booked at most once. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "line_id")
    public String lineId;

    @Column(name = "station_id")
    public String stationId;

    /** What happened, in a few words: the method, the activation result, or the booking's effect. */
    public String detail;

    /** The journal entry types this event caused, comma-separated, such as {@code CONSUMED}; empty for none. */
    public String effect = "";

    /** {@code success} or the HRESULT of an activation attempt; null for other events. */
    public String result;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "booked_at", insertable = false, updatable = false)
    public Instant bookedAt;
}
