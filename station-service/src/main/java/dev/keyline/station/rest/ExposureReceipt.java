package dev.keyline.station.rest;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;

/** One full product key found in an accepted report: its masked form, where it was, and the exposure event's id. */
public record ExposureReceipt(String maskedKey, String location, String eventId) {

    static ExposureReceipt of(CloudEvent<KeyExposed> event) {
        return new ExposureReceipt(event.data().maskedKey(), event.data().location(), event.id());
    }
}
