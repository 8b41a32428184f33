package dev.keyline.station.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyline.station.domain.DeviceFinding;
import dev.keyline.station.domain.StepProblem;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code GET /api/v1/devices/{serial}}: the device's manufacturing state, its key (key id and partial key
 * only), what still keeps it from shipping, the ways its key can leak from its image (the key still in the
 * registry, keys in answer files) and its step history, oldest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(
        String serial,
        int cycle,
        String lastStep,
        String nextStep,
        KeyView key,
        LicenseView license,
        List<StepProblem> shipBlockers,
        List<DeviceFinding> findings,
        List<StepView> history,
        Instant updatedAt) {

    /** The key a device carries. */
    public record KeyView(String keyId, String partialKey, boolean defaultKey) {}

    /** The device's last reported license state. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LicenseView(
            String status,
            String productKeyChannel,
            String partialKey,
            String notificationReason,
            Instant reportedAt) {}

    /** One step in the device's history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(
            int cycle,
            String step,
            boolean implied,
            boolean repeat,
            String eventId,
            String lineId,
            String stationId,
            Instant time,
            Instant receivedAt) {}
}
