package dev.keyline.station.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A way a device's product key can leak from its image: the key still in the registry, or a key in an answer file on
 * the image. {@code source}, {@code location} and {@code maskedKey} are null for the registry finding.
 */
public record DeviceFinding(
        String severity, String source, String location, String maskedKey, String problem, String fix) {

    /** Returns the device's findings: the registry finding while the key is not cleared, then the open blockers. */
    public static List<DeviceFinding> of(WorkflowState state, List<ShipBlocker> blockers) {
        List<DeviceFinding> findings = new ArrayList<>();
        if (state.key() != null && !state.hasCompleted(ManufacturingStep.KEY_CLEARED)) {
            findings.add(new DeviceFinding(
                    "critical",
                    null,
                    null,
                    null,
                    "the production key of device " + state.serial() + " is still in the registry",
                    ManufacturingStep.KEY_CLEARED.instruction()));
        }
        for (ShipBlocker blocker : blockers) {
            findings.add(new DeviceFinding(
                    blocker.severity(),
                    blocker.source(),
                    blocker.location(),
                    blocker.maskedKey(),
                    blocker.source() + " contains the product key " + blocker.maskedKey() + " at " + blocker.location(),
                    blocker.fix()));
        }
        return List.copyOf(findings);
    }
}
