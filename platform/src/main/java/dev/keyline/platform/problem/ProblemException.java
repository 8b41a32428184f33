package dev.keyline.platform.problem;

import java.util.List;

/** Ends a request with a problem+json response; thrown by services for rule violations the caller can fix. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
