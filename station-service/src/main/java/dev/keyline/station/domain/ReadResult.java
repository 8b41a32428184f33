package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import java.util.List;

/** The outcome of reading a redacted tree as a report: the valid report, or every error found. */
public sealed interface ReadResult {

    record Valid(StationReport report) implements ReadResult {}

    /** An invalid report. The errors are sorted by field and never quote a full product key. */
    record Invalid(List<FieldError> errors) implements ReadResult {}
}
