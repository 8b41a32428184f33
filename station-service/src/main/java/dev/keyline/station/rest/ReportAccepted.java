package dev.keyline.station.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyline.station.domain.DeviceProgress;
import dev.keyline.station.domain.ReportOutcome;
import java.util.List;

/**
 * The 202 body: the id and type of the report's event, the keys that were found in the report and masked, the
 * warnings about what was accepted on incomplete information, and the device's manufacturing state after a provisioning
 * or step report ({@code device}, left out for other reports).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportAccepted(
        String eventId, String type, List<ExposureReceipt> exposures, List<String> warnings, DeviceProgress device) {

    /** Returns the 202 body of {@code outcome} with its event id, as {@link IdempotentResponses} stores it. */
    static IdempotentResponses.FirstResponse firstResponse(ReportOutcome outcome) {
        return new IdempotentResponses.FirstResponse(
                of(outcome), outcome.report().id());
    }

    static ReportAccepted of(ReportOutcome outcome) {
        return new ReportAccepted(
                outcome.report().id(),
                outcome.report().type().type(),
                outcome.exposures().stream().map(ExposureReceipt::of).toList(),
                outcome.warnings(),
                outcome.progress());
    }
}
