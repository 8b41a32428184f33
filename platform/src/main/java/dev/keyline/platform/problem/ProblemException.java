package dev.keyline.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Ends a request with a problem+json response; thrown by services for rule violations the caller can fix. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /**
     * Returns a problem for a request that may succeed when sent again. Its response carries {@code Retry-After} with
     * {@code after} in whole seconds, so a station's HTTP client can wait that long without parsing the detail.
     */
    public static ProblemException retryLater(Problem problem, Duration after) {
        return new ProblemException(problem, after);
    }

    public Problem problem() {
        return problem;
    }

    /** Returns this exception with {@code text} added to the end of its problem's detail, keeping its Retry-After. */
    public ProblemException withDetailAppended(String text) {
        return new ProblemException(problem.withDetailAppended(text), retryAfter);
    }

    /** Returns how long the client should wait before sending the request again, or empty when that is not set. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static ProblemException invalidField(String field, String message, String fix) {
        return new ProblemException(Problem.of(
                400,
                "invalid-request",
                "Invalid request",
                "the request has an invalid value in " + field,
                List.of(new FieldError(field, message, fix))));
    }

    /** Returns a 404 problem for {@code what} named {@code id}, which is quoted as {@link QuotedValue} gives it. */
    public static ProblemException notFound(String what, String id, String fix) {
        return new ProblemException(Problem.of(
                404, "not-found", "Not found", what + " '" + QuotedValue.of(id) + "' was not found; " + fix));
    }

    /** Returns a 409 problem of type {@code slug}, whose {@code title} names the conflict the same way each time. */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
