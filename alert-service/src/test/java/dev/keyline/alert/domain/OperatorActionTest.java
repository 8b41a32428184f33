package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Operators acknowledge and resolve alerts; events keep changing them afterwards. */
class OperatorActionTest {

    private static final AlertIdentity IDENTITY = AlertIdentity.of(AlertRule.KEY_LOW, Map.of("keyId", "KEY-B"));
    private static final Evaluation FIRE = new Evaluation.Fire(IDENTITY, Severity.WARNING, "low", "top up");
    private static final Evaluation RESOLVE = new Evaluation.Resolve(IDENTITY, "recovered");
    private static final Instant LATER = T0.plusSeconds(300);

    @Test
    void acknowledgeFiringAlert() {
        AlertTransition transition = applied(AlertLifecycle.acknowledge(raised(), "alice", "on it", LATER));

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.ACKNOWLEDGED);
        assertThat(transition.state().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(transition.state().acknowledgement()).isEqualTo(new Acknowledgement("alice", LATER, "on it"));
        assertThat(transition.state().occurrences()).isEqualTo(1);
        assertThat(transition.state().lastSeen()).isEqualTo(T0);
    }

    @Test
    void fireKeepsAcknowledged() {
        AlertState acknowledged = applied(AlertLifecycle.acknowledge(raised(), "alice", null, LATER))
                .state();

        AlertTransition transition = AlertLifecycle.apply(Optional.of(acknowledged), FIRE, LATER.plusSeconds(60))
                .orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.REPEATED);
        assertThat(transition.state().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(transition.state().acknowledgement().by()).isEqualTo("alice");
        assertThat(transition.state().occurrences()).isEqualTo(2);
    }

    @Test
    void conditionResolvesAcknowledged() {
        AlertState acknowledged = applied(AlertLifecycle.acknowledge(raised(), "alice", null, LATER))
                .state();

        AlertTransition transition = AlertLifecycle.apply(Optional.of(acknowledged), RESOLVE, LATER.plusSeconds(60))
                .orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.RESOLVED);
        assertThat(transition.state().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(transition.state().resolvedBy()).isNull();
    }

    @Test
    void acknowledgeTwiceRejected() {
        AlertState acknowledged = applied(AlertLifecycle.acknowledge(raised(), "alice", null, LATER))
                .state();

        OperatorOutcome outcome = AlertLifecycle.acknowledge(acknowledged, "bob", null, LATER.plusSeconds(1));

        assertThat(outcome).isInstanceOf(OperatorOutcome.Rejected.class);
        assertThat(((OperatorOutcome.Rejected) outcome).reason())
                .isEqualTo("the alert was already acknowledged by alice at " + LATER + "; nothing changed");
    }

    @Test
    void acknowledgeResolvedRejected() {
        AlertState resolved = AlertLifecycle.apply(Optional.of(raised()), RESOLVE, LATER)
                .orElseThrow()
                .state();

        OperatorOutcome outcome = AlertLifecycle.acknowledge(resolved, "alice", null, LATER);

        assertThat(outcome).isInstanceOf(OperatorOutcome.Rejected.class);
        assertThat(((OperatorOutcome.Rejected) outcome).reason()).startsWith("the alert is resolved");
    }

    @Test
    void operatorResolvesActive() {
        AlertTransition transition = applied(AlertLifecycle.resolve(raised(), "alice", LATER));

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.RESOLVED);
        assertThat(transition.state().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(transition.state().resolvedBy()).isEqualTo("alice");
        assertThat(transition.state().resolvedAt()).isEqualTo(LATER);
        assertThat(transition.state().summary()).isEqualTo("low");
    }

    @Test
    void resolveResolvedRejected() {
        AlertState resolved =
                applied(AlertLifecycle.resolve(raised(), "alice", LATER)).state();

        OperatorOutcome outcome = AlertLifecycle.resolve(resolved, "bob", LATER.plusSeconds(1));

        assertThat(((OperatorOutcome.Rejected) outcome).reason())
                .isEqualTo("the alert was already resolved by alice at " + LATER + "; nothing changed");
    }

    @Test
    void conditionRefiresOperatorResolved() {
        AlertState acknowledged = applied(AlertLifecycle.acknowledge(raised(), "alice", null, LATER))
                .state();
        AlertState resolved =
                applied(AlertLifecycle.resolve(acknowledged, "alice", LATER)).state();
        Instant refire = LATER.plusSeconds(600);

        AlertTransition transition =
                AlertLifecycle.apply(Optional.of(resolved), FIRE, refire).orElseThrow();

        assertThat(transition.kind()).isEqualTo(AlertTransition.Kind.REFIRED);
        assertThat(transition.state().status()).isEqualTo(AlertStatus.FIRING);
        assertThat(transition.state().firingSince()).isEqualTo(refire);
        assertThat(transition.state().firstSeen()).isEqualTo(T0);
        assertThat(transition.state().acknowledgement()).isNull();
        assertThat(transition.state().resolvedBy()).isNull();
    }

    private static AlertState raised() {
        return AlertLifecycle.apply(Optional.empty(), FIRE, T0).orElseThrow().state();
    }

    private static AlertTransition applied(OperatorOutcome outcome) {
        assertThat(outcome).isInstanceOf(OperatorOutcome.Applied.class);
        return ((OperatorOutcome.Applied) outcome).transition();
    }
}
