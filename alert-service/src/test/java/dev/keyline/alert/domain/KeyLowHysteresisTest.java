package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.BalanceChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feeds a sequence of balances through the key-low rule and the lifecycle, as the service does. */
class KeyLowHysteresisTest {

    private final KeyLowRule rule = new KeyLowRule(100, 5);

    private Optional<AlertState> alert = Optional.empty();
    private final List<AlertTransition> transitions = new ArrayList<>();
    private int minute;

    @Test
    void hoveringReadingsFireOnce() {
        feed(101, 99, 100, 99, 101, 98);

        assertThat(kinds())
                .containsExactly(
                        AlertTransition.Kind.RAISED, AlertTransition.Kind.REPEATED, AlertTransition.Kind.REPEATED);
        assertThat(transitions.stream().filter(AlertTransition::startsFiring)).hasSize(1);
        assertThat(alert.orElseThrow().status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.orElseThrow().occurrences()).isEqualTo(3);
    }

    @Test
    void recoveryResolves() {
        feed(101, 99, 100, 99, 101, 98, 500);

        assertThat(transitions.get(transitions.size() - 1).kind()).isEqualTo(AlertTransition.Kind.RESOLVED);
        assertThat(alert.orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert.orElseThrow().resolvedAt()).isEqualTo(Fixtures.T0.plusSeconds(60 * 7));
    }

    @Test
    void lowAfterRecoveryFiresAgain() {
        feed(101, 99, 100, 99, 101, 98, 500, 99);

        assertThat(kinds())
                .containsExactly(
                        AlertTransition.Kind.RAISED,
                        AlertTransition.Kind.REPEATED,
                        AlertTransition.Kind.REPEATED,
                        AlertTransition.Kind.RESOLVED,
                        AlertTransition.Kind.REFIRED);
        assertThat(transitions.stream().filter(AlertTransition::startsFiring)).hasSize(2);
        AlertState state = alert.orElseThrow();
        assertThat(state.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(state.resolvedAt()).isNull();
        assertThat(state.firstSeen()).isEqualTo(Fixtures.T0.plusSeconds(60 * 2));
        assertThat(state.occurrences()).isEqualTo(4);
    }

    @Test
    void bandAfterRecoveryStaysResolved() {
        feed(99, 500, 102, 104);

        assertThat(kinds()).containsExactly(AlertTransition.Kind.RAISED, AlertTransition.Kind.RESOLVED);
        assertThat(alert.orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
    }

    private List<AlertTransition.Kind> kinds() {
        return transitions.stream().map(AlertTransition::kind).toList();
    }

    private void feed(long... availableCounts) {
        for (long available : availableCounts) {
            minute++;
            BalanceChanged balance = new BalanceChanged("KEY-H", "7QX4M", 1000, 0, 1000 - available, available, "c");
            Optional<AlertTransition> transition =
                    AlertLifecycle.apply(alert, rule.evaluate(balance), Fixtures.T0.plusSeconds(60L * minute));
            transition.ifPresent(change -> {
                transitions.add(change);
                alert = Optional.of(change.state());
            });
        }
    }
}
