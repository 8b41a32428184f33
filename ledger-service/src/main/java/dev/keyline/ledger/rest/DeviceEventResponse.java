package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.DeviceEventEntity;
import java.time.Instant;

/** One booked line event of a device. */
public record DeviceEventResponse(
        long seq,
        String eventId,
        String eventType,
        String keyId,
        String lineId,
        String stationId,
        String detail,
        Instant occurredAt,
        Instant bookedAt) {

    public static DeviceEventResponse of(DeviceEventEntity entry) {
        return new DeviceEventResponse(
                entry.seq,
                entry.eventId,
                entry.eventType,
                entry.keyId,
                entry.lineId,
                entry.stationId,
                entry.detail,
                entry.occurredAt,
                entry.bookedAt);
    }
}
