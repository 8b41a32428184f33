package dev.keyline.alert.domain;

import java.time.Instant;

/**
 * One successful activation of a device, as its activation event reported it.
 *
 * @param uwfEnabled null when the station did not report the Unified Write Filter state
 * @param hardwareHash null when the station did not report the hardware hash
 */
public record DeviceActivation(String eventId, Instant at, Boolean uwfEnabled, String hardwareHash) {}
