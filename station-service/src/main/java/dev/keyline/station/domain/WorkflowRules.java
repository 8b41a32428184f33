package dev.keyline.station.domain;

import dev.keyline.station.domain.StepDecision.Accepted;
import dev.keyline.station.domain.StepDecision.CompletedStep;
import dev.keyline.station.domain.StepDecision.Rejected;
import java.util.ArrayList;
import java.util.List;

/**
 * The manufacturing step rules as pure functions: image applied, production key installed, key cleared from the
 * registry, image generalized, QA passed, shipped. A step is accepted only when every step before it is complete in
 * the current image cycle. Two reports restart the sequence instead of being rejected: {@code image-applied} starts a
 * new cycle, and a device-provisioned report installs a key again.
 */
public final class WorkflowRules {

    private WorkflowRules() {}

    /**
     * Applies a step reported through the steps endpoint. {@code blockers} are the device's open findings, which only
     * shipping checks. {@link ManufacturingStep#KEY_INSTALLED} is not reported here; use {@link #provision}.
     */
    public static StepDecision complete(WorkflowState state, ManufacturingStep step, List<ShipBlocker> blockers) {
        if (step == ManufacturingStep.KEY_INSTALLED) {
            throw new IllegalArgumentException("key-installed is reported by a device-provisioned report");
        }
        if (step == ManufacturingStep.IMAGE_APPLIED) {
            return applyImage(state);
        }
        if (state.hasCompleted(step)) {
            return new Accepted(state, List.of(new CompletedStep(step, false)), false, true);
        }

        List<StepProblem> problems = problems(state, step, blockers);
        if (!problems.isEmpty()) {
            return new Rejected(step, problems);
        }
        WorkflowState next = new WorkflowState(state.serial(), state.cycle(), step, state.key());
        return new Accepted(next, List.of(new CompletedStep(step, false)), false, false);
    }

    /**
     * Applies a device-provisioned report, which is never rejected by the step rules because the ledger books its
     * commitment. On a device whose image was not reported it implies {@code image-applied}. On a shipped device it
     * starts a new cycle, since the device was imaged again. On a device between key installation and shipping it
     * installs the key again, so the later steps must be repeated. {@code keyCleared} also completes
     * {@code key-cleared}.
     */
    public static Accepted provision(WorkflowState state, InstalledKey key, boolean keyCleared) {
        boolean newCycle = state.hasCompleted(ManufacturingStep.SHIPPED);
        int cycle = newCycle ? state.cycle() + 1 : state.cycle();

        List<CompletedStep> completed = new ArrayList<>();
        if (newCycle || !state.hasCompleted(ManufacturingStep.IMAGE_APPLIED)) {
            completed.add(new CompletedStep(ManufacturingStep.IMAGE_APPLIED, true));
        }
        completed.add(new CompletedStep(ManufacturingStep.KEY_INSTALLED, false));
        ManufacturingStep last = ManufacturingStep.KEY_INSTALLED;
        if (keyCleared) {
            completed.add(new CompletedStep(ManufacturingStep.KEY_CLEARED, false));
            last = ManufacturingStep.KEY_CLEARED;
        }
        return new Accepted(new WorkflowState(state.serial(), cycle, last, key), completed, newCycle, false);
    }

    /**
     * Returns every reason {@code step} cannot be completed now, each with its fix: the steps still missing before it
     * and, for shipping, a default manufacturing key and the open findings.
     */
    public static List<StepProblem> problems(WorkflowState state, ManufacturingStep step, List<ShipBlocker> blockers) {
        List<StepProblem> problems = new ArrayList<>();
        for (ManufacturingStep before : ManufacturingStep.values()) {
            if (!step.isAfter(before)) {
                break;
            }
            if (!state.hasCompleted(before)) {
                problems.add(missing(state, step, before));
            }
        }
        if (step == ManufacturingStep.SHIPPED) {
            problems.addAll(shippingProblems(state, blockers));
        }
        return List.copyOf(problems);
    }

    private static Accepted applyImage(WorkflowState state) {
        boolean newCycle = state.lastStep() != null;
        int cycle = newCycle ? state.cycle() + 1 : state.cycle();
        WorkflowState next = new WorkflowState(state.serial(), cycle, ManufacturingStep.IMAGE_APPLIED, null);
        return new Accepted(next, List.of(new CompletedStep(ManufacturingStep.IMAGE_APPLIED, false)), newCycle, false);
    }

    private static StepProblem missing(WorkflowState state, ManufacturingStep step, ManufacturingStep before) {
        if (before == ManufacturingStep.KEY_CLEARED && state.hasCompleted(ManufacturingStep.KEY_INSTALLED)) {
            return new StepProblem(
                    "the production key is still in the registry of device " + state.serial() + ", so "
                            + step.wireName() + " would leave it readable on the image",
                    before.instruction());
        }
        return new StepProblem(
                before.wireName() + " is not complete for device " + state.serial() + " (image cycle " + state.cycle()
                        + ")",
                before.instruction());
    }

    private static List<StepProblem> shippingProblems(WorkflowState state, List<ShipBlocker> blockers) {
        List<StepProblem> problems = new ArrayList<>();
        InstalledKey key = state.key();
        if (key != null && key.defaultKey()) {
            problems.add(new StepProblem(
                    "device " + state.serial() + " carries only the default manufacturing key " + describe(key)
                            + ", which cannot activate",
                    ManufacturingStep.KEY_INSTALLED.instruction()
                            + ", then repeat key-cleared, generalized and qa-passed"));
        }
        for (ShipBlocker blocker : blockers) {
            problems.add(new StepProblem(
                    blocker.severity() + " finding: " + blocker.source() + " contains the product key "
                            + blocker.maskedKey() + " at " + blocker.location(),
                    blocker.fix()));
        }
        return problems;
    }

    private static String describe(InstalledKey key) {
        if (key.partialKey() != null) {
            return "ending in " + key.partialKey();
        }
        return "'" + key.keyId() + "'";
    }
}
