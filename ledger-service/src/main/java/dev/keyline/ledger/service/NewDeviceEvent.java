package dev.keyline.ledger.service;

import java.time.Instant;

/**
 * A device history row booked in the current batch, not written yet: the columns of {@code device_events} that
 * booking sets. A plain record, because the batch writes it with one multi-row statement and never through
 * Hibernate.
 *
 * @param keyId the key the event was booked against, else the device's key, else null
 * @param effect the journal entry types the event caused, comma-separated; empty for none
 * @param result {@code success} or the HRESULT of an activation attempt; null for other events
 */
record NewDeviceEvent(
        String serial,
        String eventId,
        String eventType,
        String keyId,
        String lineId,
        String stationId,
        String detail,
        String effect,
        String result,
        Instant occurredAt) {}
