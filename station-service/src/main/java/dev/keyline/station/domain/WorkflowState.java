package dev.keyline.station.domain;

import java.util.Optional;

/**
 * The place of one device in the manufacturing steps. {@code cycle} counts images: it starts at 1 and grows when the
 * device is imaged again. {@code lastStep} is null until the first step, and every step up to it is complete, because
 * the rules never let a step be skipped. {@code key} is null until a key is installed in this cycle.
 */
public record WorkflowState(String serial, int cycle, ManufacturingStep lastStep, InstalledKey key) {

    public static WorkflowState unknown(String serial) {
        return new WorkflowState(serial, 1, null, null);
    }

    public boolean hasCompleted(ManufacturingStep step) {
        return lastStep != null && !step.isAfter(lastStep);
    }

    /** Returns the step the device waits for, or nothing once it has shipped. */
    public Optional<ManufacturingStep> nextStep() {
        return lastStep == null ? Optional.of(ManufacturingStep.IMAGE_APPLIED) : lastStep.next();
    }
}
