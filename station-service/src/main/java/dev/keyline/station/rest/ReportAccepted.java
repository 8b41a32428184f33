package dev.keyline.station.rest;

import dev.keyline.station.domain.ReportOutcome;
import java.util.List;

/** The 202 body: the id and type of the report's event, and the keys that were found in the report and masked. */
public record ReportAccepted(String eventId, String type, List<ExposureReceipt> exposures) {

    static ReportAccepted of(ReportOutcome outcome) {
        return new ReportAccepted(
                outcome.report().id(),
                outcome.report().type().type(),
                outcome.exposures().stream().map(ExposureReceipt::of).toList());
    }
}
