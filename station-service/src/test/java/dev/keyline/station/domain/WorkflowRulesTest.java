package dev.keyline.station.domain;

import static dev.keyline.station.domain.ManufacturingStep.GENERALIZED;
import static dev.keyline.station.domain.ManufacturingStep.IMAGE_APPLIED;
import static dev.keyline.station.domain.ManufacturingStep.KEY_CLEARED;
import static dev.keyline.station.domain.ManufacturingStep.KEY_INSTALLED;
import static dev.keyline.station.domain.ManufacturingStep.QA_PASSED;
import static dev.keyline.station.domain.ManufacturingStep.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.station.domain.StepDecision.Accepted;
import dev.keyline.station.domain.StepDecision.CompletedStep;
import dev.keyline.station.domain.StepDecision.Rejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowRulesTest {

    private static final InstalledKey KEY = new InstalledKey("KEY-A", "7QX4M", false);
    private static final InstalledKey DEFAULT_KEY = new InstalledKey(null, "3V66T", true);

    @Test
    void fullSequenceAccepted() {
        WorkflowState state = WorkflowState.unknown("SN-1");

        state = accepted(WorkflowRules.complete(state, IMAGE_APPLIED, List.of()))
                .state();
        state = WorkflowRules.provision(state, KEY, false).state();
        state = accepted(WorkflowRules.complete(state, KEY_CLEARED, List.of())).state();
        state = accepted(WorkflowRules.complete(state, GENERALIZED, List.of())).state();
        state = accepted(WorkflowRules.complete(state, QA_PASSED, List.of())).state();
        state = accepted(WorkflowRules.complete(state, SHIPPED, List.of())).state();

        assertThat(state.lastStep()).isEqualTo(SHIPPED);
        assertThat(state.cycle()).isEqualTo(1);
        assertThat(state.key()).isEqualTo(KEY);
        assertThat(state.nextStep()).isEmpty();
    }

    @Test
    void generalizeWithKeyInRegistryRejected() {
        WorkflowState state = new WorkflowState("SN-1", 1, KEY_INSTALLED, KEY);

        Rejected rejected = rejected(WorkflowRules.complete(state, GENERALIZED, List.of()));

        assertThat(rejected.problems()).hasSize(1);
        assertThat(rejected.problems().get(0).problem()).contains("still in the registry");
        assertThat(rejected.problems().get(0).fix()).isEqualTo("run slmgr /cpky, then report key-cleared");
    }

    @Test
    void keyClearedWithoutKeyRejected() {
        WorkflowState state = new WorkflowState("SN-1", 1, IMAGE_APPLIED, null);

        Rejected rejected = rejected(WorkflowRules.complete(state, KEY_CLEARED, List.of()));

        assertThat(rejected.problems())
                .extracting(StepProblem::problem)
                .containsExactly("key-installed is not complete for device SN-1 (image cycle 1)");
        assertThat(rejected.problems().get(0).fix()).contains("send a device-provisioned report");
    }

    @Test
    void shipListsEveryMissingStep() {
        WorkflowState state = new WorkflowState("SN-1", 1, KEY_INSTALLED, KEY);

        Rejected rejected = rejected(WorkflowRules.complete(state, SHIPPED, List.of()));

        assertThat(rejected.problems()).hasSize(3);
        assertThat(rejected.problems().get(0).fix()).isEqualTo(KEY_CLEARED.instruction());
        assertThat(rejected.problems().get(1).fix()).isEqualTo(GENERALIZED.instruction());
        assertThat(rejected.problems().get(2).fix()).isEqualTo(QA_PASSED.instruction());
    }

    @Test
    void shipWithDefaultKeyRejected() {
        WorkflowState state = new WorkflowState("SN-1", 1, QA_PASSED, DEFAULT_KEY);

        Rejected rejected = rejected(WorkflowRules.complete(state, SHIPPED, List.of()));

        assertThat(rejected.problems()).hasSize(1);
        assertThat(rejected.problems().get(0).problem())
                .isEqualTo("device SN-1 carries only the default manufacturing key ending in 3V66T, which cannot"
                        + " activate");
        assertThat(rejected.problems().get(0).fix()).startsWith("install the production key");
    }

    @Test
    void shipWithOpenFindingRejected() {
        WorkflowState state = new WorkflowState("SN-1", 1, QA_PASSED, KEY);
        ShipBlocker blocker = new ShipBlocker(
                "C:\\Windows\\Panther\\unattend.xml",
                "/unattend/settings[@pass='specialize']/component/ProductKey",
                "critical",
                "*****-*****-*****-*****-7QX4M",
                "delete the answer file from the image, then post the answer-file check again");

        Rejected rejected = rejected(WorkflowRules.complete(state, SHIPPED, List.of(blocker)));

        assertThat(rejected.problems()).hasSize(1);
        assertThat(rejected.problems().get(0).problem())
                .isEqualTo("critical finding: C:\\Windows\\Panther\\unattend.xml contains the product key"
                        + " *****-*****-*****-*****-7QX4M at "
                        + "/unattend/settings[@pass='specialize']/component/ProductKey");
        assertThat(rejected.problems().get(0).fix()).isEqualTo(blocker.fix());
    }

    @Test
    void provisionImpliesImageApplied() {
        Accepted accepted = WorkflowRules.provision(WorkflowState.unknown("SN-1"), KEY, true);

        assertThat(accepted.completed())
                .containsExactly(
                        new CompletedStep(IMAGE_APPLIED, true),
                        new CompletedStep(KEY_INSTALLED, false),
                        new CompletedStep(KEY_CLEARED, false));
        assertThat(accepted.state().lastStep()).isEqualTo(KEY_CLEARED);
        assertThat(accepted.state().key()).isEqualTo(KEY);
        assertThat(accepted.newCycle()).isFalse();
    }

    @Test
    void provisionAfterGeneralizeRollsBack() {
        WorkflowState state = new WorkflowState("SN-1", 1, GENERALIZED, KEY);
        InstalledKey other = new InstalledKey("KEY-B", "H2K9D", false);

        Accepted accepted = WorkflowRules.provision(state, other, false);

        assertThat(accepted.completed()).containsExactly(new CompletedStep(KEY_INSTALLED, false));
        assertThat(accepted.state().lastStep()).isEqualTo(KEY_INSTALLED);
        assertThat(accepted.state().cycle()).isEqualTo(1);
        assertThat(accepted.state().key()).isEqualTo(other);
    }

    @Test
    void provisionAfterShippedStartsCycle() {
        WorkflowState state = new WorkflowState("SN-1", 2, SHIPPED, KEY);

        Accepted accepted = WorkflowRules.provision(state, KEY, false);

        assertThat(accepted.newCycle()).isTrue();
        assertThat(accepted.state().cycle()).isEqualTo(3);
        assertThat(accepted.completed().get(0)).isEqualTo(new CompletedStep(IMAGE_APPLIED, true));
    }

    @Test
    void imageAppliedStartsNewCycle() {
        WorkflowState state = new WorkflowState("SN-1", 1, QA_PASSED, KEY);

        Accepted accepted = accepted(WorkflowRules.complete(state, IMAGE_APPLIED, List.of()));

        assertThat(accepted.newCycle()).isTrue();
        assertThat(accepted.state().cycle()).isEqualTo(2);
        assertThat(accepted.state().lastStep()).isEqualTo(IMAGE_APPLIED);
        assertThat(accepted.state().key()).isNull();
    }

    @Test
    void repeatedStepLeavesState() {
        WorkflowState state = new WorkflowState("SN-1", 1, GENERALIZED, KEY);

        Accepted accepted = accepted(WorkflowRules.complete(state, KEY_CLEARED, List.of()));

        assertThat(accepted.repeat()).isTrue();
        assertThat(accepted.state()).isEqualTo(state);
    }

    @Test
    void keyInstalledNotAStep() {
        assertThatThrownBy(() -> WorkflowRules.complete(WorkflowState.unknown("SN-1"), KEY_INSTALLED, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Accepted accepted(StepDecision decision) {
        assertThat(decision).isInstanceOf(Accepted.class);
        return (Accepted) decision;
    }

    private static Rejected rejected(StepDecision decision) {
        assertThat(decision).isInstanceOf(Rejected.class);
        return (Rejected) decision;
    }
}
