package dev.keyline.station.domain;

/**
 * A device's place in the manufacturing steps after a report: its image cycle, the last step completed and the step it
 * waits for (null once shipped). {@code repeat} is true when the report repeated a completed step.
 */
public record DeviceProgress(String serial, int cycle, String lastStep, String nextStep, boolean repeat) {

    public static DeviceProgress of(WorkflowState state, boolean repeat) {
        return new DeviceProgress(
                state.serial(),
                state.cycle(),
                state.lastStep() == null ? null : state.lastStep().wireName(),
                state.nextStep().map(ManufacturingStep::wireName).orElse(null),
                repeat);
    }
}
