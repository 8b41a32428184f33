package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.schemas.events.LineEvent;
import java.time.Instant;
import java.util.List;

/** A station report read from a redacted request body, before or after validation. */
public sealed interface StationReport permits DeviceProvisionedReport, ActivationAttemptedReport, StepReport {

    String serial();

    String lineId();

    String stationId();

    /** When it happened on the line as RFC 3339 text, or null to use the time of arrival. */
    String time();

    /** Returns the errors of the rules that the Bean Validation annotations cannot express. */
    List<FieldError> ruleErrors();

    /** Returns the event data of a valid report, with partial key and HRESULT in upper case. */
    LineEvent toEventData();

    /** Returns the report's time, or {@code receivedAt} when the report has none. Call it only on a valid report. */
    default Instant occurredAt(Instant receivedAt) {
        return time() == null ? receivedAt : ReportTime.parse(time()).orElseThrow();
    }
}
