package dev.keyline.station.domain;

import static dev.keyline.station.domain.ReportConstraints.ID;
import static dev.keyline.station.domain.ReportConstraints.ID_MESSAGE;
import static dev.keyline.station.domain.ReportConstraints.MISSING;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Body of {@code POST /api/v1/reports/device-provisioned}: a station installed a production key on a device.
 * {@code defaultKey} is optional and true when the key is the default manufacturing key, which cannot activate. The
 * station service keeps that flag to itself: it is not part of the published event.
 */
public record DeviceProvisionedReport(
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String serial,
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String lineId,
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String stationId,
        String time,
        @Pattern(regexp = ID, message = ID_MESSAGE) String keyId,
        @Pattern(regexp = ReportConstraints.PARTIAL_KEY, message = ReportConstraints.PARTIAL_KEY_MESSAGE)
                String partialKey,
        @NotNull(message = MISSING)
                @Pattern(regexp = ReportConstraints.METHOD, message = ReportConstraints.METHOD_MESSAGE)
                String method,
        @NotNull(message = MISSING) Boolean keyCleared,
        @Size(max = ReportConstraints.MAX_NOTES, message = ReportConstraints.NOTES_MESSAGE) String notes,
        Boolean defaultKey)
        implements StationReport {

    @Override
    public List<FieldError> ruleErrors() {
        List<FieldError> errors = new ArrayList<>(ReportTime.errors(time));
        if (keyId == null && partialKey == null) {
            errors.add(new FieldError(
                    "/keyId",
                    "is missing, and so is partialKey; a device-provisioned report must name the key it installed",
                    "send keyId, partialKey or both; partialKey is the last 5 characters of the key"));
        }
        return errors;
    }

    /** Returns whether the report marks the key as the default manufacturing key. */
    public boolean marksDefaultKey() {
        return Boolean.TRUE.equals(defaultKey);
    }

    @Override
    public DeviceProvisioned toEventData() {
        return new DeviceProvisioned(
                serial,
                lineId,
                stationId,
                keyId,
                partialKey == null ? null : partialKey.toUpperCase(Locale.ROOT),
                ProvisioningMethod.fromWireName(method),
                keyCleared,
                notes);
    }
}
