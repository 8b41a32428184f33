package dev.keyline.station.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceLicenseReported;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.station.artifact.LicenseStatus;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.DeviceEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies a reported license state to a device's row and returns the events it produces: always a
 * {@code keyline.device.license-reported.v1}, and an activation success when the state becomes Licensed. A Licensed
 * state is evidence that the key activated, so it is booked once, when the device's last reported state was not
 * already Licensed. A repeat report of Licensed books nothing more.
 */
final class LicenseUpdate {

    private LicenseUpdate() {}

    /** A reported license state: the key it names (may be null), channel, status and notification reason. */
    record Reported(
            String partialKey,
            String productKeyChannel,
            LicenseStatus status,
            String notificationReason,
            String source,
            String evidence) {}

    static List<CloudEvent<? extends LineEvent>> apply(
            DeviceEntity device, Reported reported, StationBinding station, ActivationChannel channel, Instant time) {
        if (reported.status() == LicenseStatus.UNKNOWN) {
            // An unreadable status is no reading of the license, so the device keeps its state. Replacing a Licensed
            // state with it would book the next Licensed report as a second activation.
            return List.of();
        }
        boolean wasLicensed = LicenseStatus.LICENSED.wireName().equals(device.licenseStatus);
        String partialKey = reported.partialKey() != null ? reported.partialKey() : device.partialKey;

        device.licenseStatus = reported.status().wireName();
        device.productKeyChannel = reported.productKeyChannel();
        device.licensePartialKey = partialKey;
        device.notificationReason = reported.notificationReason();
        device.licenseReportedAt = time;

        List<CloudEvent<? extends LineEvent>> events = new ArrayList<>();
        events.add(CloudEvent.create(
                station.source(),
                device.serial,
                time,
                new DeviceLicenseReported(
                        device.serial,
                        station.lineId(),
                        station.stationId(),
                        partialKey,
                        reported.productKeyChannel(),
                        reported.status().wireName(),
                        reported.notificationReason(),
                        reported.source())));
        if (reported.status() == LicenseStatus.LICENSED && !wasLicensed) {
            String keyId = Objects.equals(partialKey, device.partialKey) ? device.keyId : null;
            events.add(CloudEvent.create(
                    station.source(),
                    device.serial,
                    time,
                    new ActivationAttempted(
                            device.serial,
                            station.lineId(),
                            station.stationId(),
                            keyId,
                            partialKey,
                            channel,
                            ActivationAttempted.SUCCESS,
                            reported.evidence())));
        }
        return events;
    }

    /** Returns a failed activation from an event log, naming the device's key when its row has one. */
    static CloudEvent<ActivationAttempted> failure(
            DeviceEntity device,
            String result,
            StationBinding station,
            ActivationChannel channel,
            Instant time,
            String evidence) {
        return CloudEvent.create(
                station.source(),
                device.serial,
                time,
                new ActivationAttempted(
                        device.serial,
                        station.lineId(),
                        station.stationId(),
                        device.keyId,
                        device.partialKey,
                        channel,
                        result,
                        evidence));
    }
}
