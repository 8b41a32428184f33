package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Problem+json bodies of rejected reports. Each detail ends with the exposure notice when keys were found. */
public final class ReportProblems {

    private ReportProblems() {}

    public static Problem unreadable(String reason, String exposureNotice) {
        return Problem.of(
                400,
                "unreadable-body",
                "Unreadable request body",
                "the request body could not be read: " + reason + "." + exposureNotice,
                List.of(new FieldError("body", reason, "send a JSON object as the API documentation describes")));
    }

    public static Problem invalid(ReportKind kind, List<FieldError> errors, String exposureNotice) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problem.of(
                400,
                "invalid-request",
                "Invalid request",
                "the " + kind.wireName() + " report has invalid values in " + fields + "." + exposureNotice,
                errors);
    }

    public static Problem foreignStation(StationBinding station, StationReport report, String exposureNotice) {
        return Problem.of(
                403,
                "forbidden",
                "Forbidden",
                "this token reports for line " + station.lineId() + ", station " + station.stationId()
                        + ", but the report names line " + report.lineId() + ", station " + report.stationId()
                        + "; send reports for the token's own station only, or use the other station's token."
                        + exposureNotice);
    }

    public static Problem unboundToken(String principal) {
        return Problem.of(
                403,
                "forbidden",
                "Forbidden",
                "the station token of principal '" + principal + "' is not bound to a line and station; configure"
                        + " its principal as lineId/stationId in keyline.auth.tokens");
    }
}
