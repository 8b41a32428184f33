package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import java.util.List;

/** Problem+json bodies of steps the workflow rejects. */
public final class WorkflowProblems {

    private WorkflowProblems() {}

    /** Returns a 409 that lists every reason, each as an error on {@code /step} with its fix. */
    public static Problem outOfOrder(String serial, StepDecision.Rejected rejected) {
        List<StepProblem> problems = rejected.problems();
        StepProblem first = problems.get(0);
        List<FieldError> errors = problems.stream()
                .map(problem -> new FieldError("/step", problem.problem(), problem.fix()))
                .toList();
        return Problem.of(
                409,
                "step-out-of-order",
                "Step out of order",
                rejected.step().wireName() + " cannot be completed for device " + serial + ": " + first.problem() + "; "
                        + first.fix() + (problems.size() > 1 ? " (" + problems.size() + " problems in errors)" : ""),
                errors);
    }

    public static Problem unknownStep(String heldAt) {
        return Problem.of(
                400,
                "invalid-request",
                "Invalid request",
                heldAt == null
                        ? "heldAt is missing; it names the manufacturing step the listed devices wait for"
                        : "heldAt must name a manufacturing step, got '" + Quoting.masked(heldAt) + "'",
                List.of(new FieldError(
                        "heldAt",
                        heldAt == null ? "is missing" : "is not a manufacturing step",
                        "send one of image-applied, key-installed, key-cleared, generalized, qa-passed, shipped")));
    }
}
