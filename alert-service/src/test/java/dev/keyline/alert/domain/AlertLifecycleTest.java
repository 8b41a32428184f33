package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private static final AlertIdentity IDENTITY = AlertIdentity.of(AlertRule.KEY_LOW, Map.of("keyId", "KEY-B"));
    private static final Evaluation FIRE = new Evaluation.Fire(IDENTITY, Severity.WARNING, "low", "top up");
    private static final Evaluation RESOLVE = new Evaluation.Resolve(IDENTITY, "recovered");

    @Test
    void fireWithoutAlertRaises() {
        AlertTransition transition =
                AlertLifecycle.apply(Optional.empty(), FIRE, T0).orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.RAISED);
        AlertState state = transition.state();
        assertThat(state.identity()).isEqualTo(IDENTITY);
        assertThat(state.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(state.severity()).isEqualTo(Severity.WARNING);
        assertThat(state.summary()).isEqualTo("low");
        assertThat(state.action()).isEqualTo("top up");
        assertThat(state.firstSeen()).isEqualTo(T0);
        assertThat(state.lastSeen()).isEqualTo(T0);
        assertThat(state.firingSince()).isEqualTo(T0);
        assertThat(state.resolvedAt()).isNull();
        assertThat(state.occurrences()).isEqualTo(1);
    }

    @Test
    void fireWhileFiringRepeats() {
        AlertState raised = raisedAt(T0);
        Evaluation again = new Evaluation.Fire(IDENTITY, Severity.WARNING, "lower", "top up");

        AlertTransition transition = AlertLifecycle.apply(Optional.of(raised), again, T0.plusSeconds(60))
                .orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.REPEATED);
        assertThat(transition.state().occurrences()).isEqualTo(2);
        assertThat(transition.state().firstSeen()).isEqualTo(T0);
        assertThat(transition.state().lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(transition.state().summary()).isEqualTo("lower");
    }

    @Test
    void lateEventKeepsLastSeen() {
        AlertState raised = raisedAt(T0);

        AlertTransition transition = AlertLifecycle.apply(Optional.of(raised), FIRE, T0.minusSeconds(600))
                .orElseThrow();

        assertThat(transition.state().lastSeen()).isEqualTo(T0);
        assertThat(transition.state().occurrences()).isEqualTo(2);
    }

    @Test
    void resolveWhileFiringResolves() {
        AlertState raised = raisedAt(T0);
        Instant later = T0.plusSeconds(120);

        AlertTransition transition =
                AlertLifecycle.apply(Optional.of(raised), RESOLVE, later).orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.RESOLVED);
        assertThat(transition.state().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(transition.state().resolvedAt()).isEqualTo(later);
        assertThat(transition.state().lastSeen()).isEqualTo(T0);
        assertThat(transition.state().summary()).isEqualTo("recovered");
        assertThat(transition.state().occurrences()).isEqualTo(1);
    }

    @Test
    void resolveWithoutAlertChangesNothing() {
        assertThat(AlertLifecycle.apply(Optional.empty(), RESOLVE, T0)).isEmpty();
    }

    @Test
    void resolveWhenResolvedChangesNothing() {
        AlertState resolved = AlertLifecycle.apply(Optional.of(raisedAt(T0)), RESOLVE, T0.plusSeconds(60))
                .orElseThrow()
                .state();

        assertThat(AlertLifecycle.apply(Optional.of(resolved), RESOLVE, T0.plusSeconds(120)))
                .isEmpty();
    }

    @Test
    void fireWhenResolvedRefires() {
        AlertState resolved = AlertLifecycle.apply(Optional.of(raisedAt(T0)), RESOLVE, T0.plusSeconds(60))
                .orElseThrow()
                .state();

        AlertTransition transition = AlertLifecycle.apply(Optional.of(resolved), FIRE, T0.plusSeconds(120))
                .orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.REFIRED);
        assertThat(transition.startsFiring()).isTrue();
        assertThat(transition.state().status()).isEqualTo(AlertStatus.FIRING);
        assertThat(transition.state().resolvedAt()).isNull();
        assertThat(transition.state().firstSeen()).isEqualTo(T0);
        assertThat(transition.state().lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(transition.state().occurrences()).isEqualTo(2);
    }

    @Test
    void resolveMatchingClearsMatch() {
        AlertIdentity unknownDevice =
                AlertIdentity.of(AlertRule.ACTIVATION_UNKNOWN_DEVICE, Map.of("serial", "SN-1", "partialKey", "7QX4M"));
        AlertState raised = AlertLifecycle.apply(
                        Optional.empty(), new Evaluation.Fire(unknownDevice, Severity.HIGH, "s", "a"), T0)
                .orElseThrow()
                .state();
        Evaluation matching = new Evaluation.ResolveMatching(
                AlertRule.ACTIVATION_UNKNOWN_DEVICE, Map.of("serial", "SN-1"), Map.of("keyId", "KEY-B"), "matched");

        AlertTransition transition = AlertLifecycle.apply(Optional.of(raised), matching, T0.plusSeconds(5))
                .orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.RESOLVED);
        assertThat(transition.state().summary()).isEqualTo("matched");
    }

    @Test
    void resolveMatchingSkipsOtherKey() {
        AlertIdentity otherKey =
                AlertIdentity.of(AlertRule.ACTIVATION_UNKNOWN_DEVICE, Map.of("serial", "SN-1", "keyId", "KEY-A"));
        AlertState raised = AlertLifecycle.apply(
                        Optional.empty(), new Evaluation.Fire(otherKey, Severity.HIGH, "s", "a"), T0)
                .orElseThrow()
                .state();
        Evaluation matching = new Evaluation.ResolveMatching(
                AlertRule.ACTIVATION_UNKNOWN_DEVICE, Map.of("serial", "SN-1"), Map.of("keyId", "KEY-B"), "matched");

        assertThat(AlertLifecycle.apply(Optional.of(raised), matching, T0.plusSeconds(5)))
                .isEmpty();
    }

    @Test
    void noChangeChangesNothing() {
        assertThat(AlertLifecycle.apply(Optional.of(raisedAt(T0)), Evaluation.noChange(), T0))
                .isEmpty();
    }

    private static AlertState raisedAt(Instant time) {
        return AlertLifecycle.apply(Optional.empty(), FIRE, time).orElseThrow().state();
    }
}
