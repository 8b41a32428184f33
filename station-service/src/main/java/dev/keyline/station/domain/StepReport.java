package dev.keyline.station.domain;

import static dev.keyline.station.domain.ReportConstraints.ID;
import static dev.keyline.station.domain.ReportConstraints.ID_MESSAGE;
import static dev.keyline.station.domain.ReportConstraints.MISSING;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.schemas.events.DeviceStepCompleted;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Body of {@code POST /api/v1/devices/{serial}/steps}: a device completed a manufacturing step. The serial comes from
 * the path; a body may repeat it, and then it must be the same.
 */
public record StepReport(
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String serial,
        @NotNull(message = MISSING) @Pattern(regexp = ReportConstraints.STEP, message = ReportConstraints.STEP_MESSAGE)
                String step,
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String lineId,
        @NotNull(message = MISSING) @Pattern(regexp = ID, message = ID_MESSAGE) String stationId,
        String time)
        implements StationReport {

    @Override
    public List<FieldError> ruleErrors() {
        return ReportTime.errors(time);
    }

    /** Returns the event without the device's key, which the workflow adds from the device's record. */
    @Override
    public DeviceStepCompleted toEventData() {
        return new DeviceStepCompleted(serial, lineId, stationId, step, null, null);
    }

    public ManufacturingStep manufacturingStep() {
        return ManufacturingStep.find(step).orElseThrow();
    }
}
