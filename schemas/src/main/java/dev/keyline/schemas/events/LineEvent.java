package dev.keyline.schemas.events;

/** Data of the events published to {@code keyline.line-events}: what happened on a factory line. */
public sealed interface LineEvent extends EventData
        permits DeviceProvisioned, ActivationAttempted, KeyExposed, DeviceStepCompleted, DeviceLicenseReported {

    /** The device's serial; null only for a key exposure in a report without a valid serial. */
    String serial();

    String lineId();

    String stationId();

    /** The last five characters of the key the event names, or null when it names none. */
    String partialKey();
}
