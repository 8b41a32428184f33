package dev.keyline.schemas.events;

/** Data of the events published to {@code keyline.line-events}: what happened on a factory line. */
public sealed interface LineEvent extends EventData
        permits DeviceProvisioned, ActivationAttempted, KeyExposed, DeviceStepCompleted, DeviceLicenseReported {

    String lineId();

    String stationId();
}
