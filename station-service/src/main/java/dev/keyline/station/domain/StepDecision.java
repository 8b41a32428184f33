package dev.keyline.station.domain;

import java.util.List;

/** The outcome of applying a step to a device: its new state and the steps it completed, or why it cannot. */
public sealed interface StepDecision {

    /**
     * An accepted step. {@code completed} lists the steps completed by this report in order, including an implied
     * {@code image-applied} when a key was installed on a device whose image was never reported. {@code repeat} is true
     * when the step had been completed before and the state did not change.
     */
    record Accepted(WorkflowState state, List<CompletedStep> completed, boolean newCycle, boolean repeat)
            implements StepDecision {}

    /** A rejected step, with every reason and its fix. */
    record Rejected(ManufacturingStep step, List<StepProblem> problems) implements StepDecision {}

    /** One step that a report completed; {@code implied} is true when no station reported it. */
    record CompletedStep(ManufacturingStep step, boolean implied) {}
}
