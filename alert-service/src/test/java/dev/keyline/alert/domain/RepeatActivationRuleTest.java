package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepeatActivationRuleTest {

    private final RepeatActivationRule rule = new RepeatActivationRule(Duration.ofHours(24), 2);

    @Test
    void uwfFiresAtSecondRepeat() {
        List<DeviceActivation> inWindow = new ArrayList<>();

        List<Evaluation> first = activate(inWindow, T0, true, null);
        List<Evaluation> second = activate(inWindow, T0.plusSeconds(3600), true, null);
        List<Evaluation> third = activate(inWindow, T0.plusSeconds(7200), true, null);

        assertThat(first.get(0)).isInstanceOf(Evaluation.NoChange.class);
        assertThat(second.get(0)).isInstanceOf(Evaluation.NoChange.class);
        assertThat(third.get(0)).isInstanceOf(Evaluation.Fire.class);
        Evaluation.Fire fire = (Evaluation.Fire) third.get(0);
        assertThat(fire.severity()).isEqualTo(Severity.HIGH);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of("keyId", "KEY-B", "serial", "SN-7", "lineId", "line-1", "cause", "uwf-enabled"));
        assertThat(fire.summary())
                .isEqualTo("device SN-7 on line line-1 activated 3 times within 24 hours with Unified Write Filter on"
                        + " (key KEY-B (partial key 7QX4M)), so each activation is lost at restart and the device"
                        + " activates again");
        assertThat(fire.action())
                .isEqualTo("on device SN-7, disable UWF ('uwfmgr filter disable', then restart), activate, then"
                        + " re-enable UWF ('uwfmgr filter enable'); change the line's activation step so it"
                        + " activates before enabling UWF");
    }

    @Test
    void uwfOffResolves() {
        List<Evaluation> evaluations =
                rule.evaluate(attempt(false, null), "KEY-B", List.of(activation(T0, false, null)), Optional.empty());

        assertThat(evaluations.get(0)).isInstanceOf(Evaluation.Resolve.class);
    }

    @Test
    void plainRepeatFiresNothing() {
        // The factory-line scenario's L1-0005 activates twice and reports neither UWF state nor hardware hash.
        List<DeviceActivation> inWindow =
                List.of(activation(T0, null, null), activation(T0.plusSeconds(60), null, null));

        List<Evaluation> evaluations =
                rule.evaluate(attempt(null, null), "KEY-B", inWindow, Optional.of(inWindow.get(0)));

        assertThat(evaluations).allMatch(evaluation -> evaluation instanceof Evaluation.NoChange);
    }

    @Test
    void hardwareChangeFiresWarning() {
        DeviceActivation before = activation(T0, false, "HASH-AAAA-1111-2222");

        List<Evaluation> evaluations = rule.evaluate(
                attempt(false, "HASH-BBBB"),
                "KEY-B",
                List.of(activation(T0.plusSeconds(60), false, "HASH-BBBB")),
                Optional.of(before));

        Evaluation.Fire fire = (Evaluation.Fire) evaluations.get(1);
        assertThat(fire.severity()).isEqualTo(Severity.WARNING);
        assertThat(fire.identity().labels()).containsEntry("cause", "hardware-change");
        assertThat(fire.summary())
                .isEqualTo("device SN-7 on line line-1 activated again after its hardware hash changed from"
                        + " HASH-AAAA-11... to HASH-BBBB, which uses another activation of key KEY-B (partial key"
                        + " 7QX4M)");
    }

    @Test
    void sameHardwareFiresNothing() {
        DeviceActivation before = activation(T0, false, "HASH-A");

        List<Evaluation> evaluations =
                rule.evaluate(attempt(false, "HASH-A"), "KEY-B", List.of(before), Optional.of(before));

        assertThat(evaluations.get(1)).isInstanceOf(Evaluation.NoChange.class);
    }

    private List<Evaluation> activate(List<DeviceActivation> inWindow, Instant at, Boolean uwf, String hash) {
        Optional<DeviceActivation> previous =
                inWindow.isEmpty() ? Optional.empty() : Optional.of(inWindow.get(inWindow.size() - 1));
        inWindow.add(activation(at, uwf, hash));
        return rule.evaluate(attempt(uwf, hash), "KEY-B", List.copyOf(inWindow), previous);
    }

    private static DeviceActivation activation(Instant at, Boolean uwf, String hash) {
        return new DeviceActivation("event-" + at.getEpochSecond(), at, uwf, hash);
    }

    private static ActivationAttempted attempt(Boolean uwf, String hash) {
        return new ActivationAttempted(
                "SN-7",
                "line-1",
                "activation-01",
                "KEY-B",
                "7QX4M",
                ActivationChannel.INTERNET,
                "success",
                null,
                hash,
                uwf);
    }
}
