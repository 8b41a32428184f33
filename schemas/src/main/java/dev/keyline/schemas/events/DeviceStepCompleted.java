package dev.keyline.schemas.events;

/**
 * A device completed one manufacturing step after the production key was installed, or had its image applied. The
 * key installation itself is announced by {@link DeviceProvisioned}. {@code step} is {@code image-applied},
 * {@code key-cleared}, {@code generalized}, {@code qa-passed} or {@code shipped}. {@code keyId} and
 * {@code partialKey} name the key the device carries, when the station service has it on record, so the event is keyed
 * and ordered with the device's other events.
 */
public record DeviceStepCompleted(
        String serial, String lineId, String stationId, String step, String keyId, String partialKey)
        implements LineEvent {}
