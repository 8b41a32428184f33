package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.DeviceStepCompleted;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnclearedKeyRuleTest {

    private static final DeviceStepCompleted GENERALIZED =
            new DeviceStepCompleted("SN-5", "line-1", "sysprep-01", "generalized", "KEY-B", "7QX4M");
    private static final DeviceStepCompleted KEY_CLEARED =
            new DeviceStepCompleted("SN-5", "line-1", "audit-01", "key-cleared", "KEY-B", "7QX4M");

    @Test
    void generalizedUnclearedFiresHigh() {
        DeviceFacts device = new DeviceFacts("SN-5", "KEY-B", "7QX4M", "line-1", "imaging-01", false);

        Evaluation.Fire fire = (Evaluation.Fire) UnclearedKeyRule.onGeneralized(GENERALIZED, device);

        assertThat(fire.severity()).isEqualTo(Severity.HIGH);
        assertThat(fire.identity().rule()).isEqualTo(AlertRule.KEY_EXPOSURE);
        assertThat(fire.identity().labels())
                .isEqualTo(Map.of(
                        "partialKey", "7QX4M",
                        "lineId", "line-1",
                        "stationId", "sysprep-01",
                        "serial", "SN-5",
                        "location", "registry"));
        assertThat(fire.summary())
                .isEqualTo("station sysprep-01 on line line-1 generalized device SN-5 while key KEY-B (partial key"
                        + " 7QX4M) was still in its registry: 'slmgr /cpky' was not run after the key was installed"
                        + " by station imaging-01");
        assertThat(fire.action()).startsWith("run 'slmgr /cpky' on device SN-5 and generalize it again");
    }

    @Test
    void generalizedClearedChangesNothing() {
        DeviceFacts device = new DeviceFacts("SN-5", "KEY-B", "7QX4M", "line-1", "imaging-01", true);

        assertThat(UnclearedKeyRule.onGeneralized(GENERALIZED, device)).isInstanceOf(Evaluation.NoChange.class);
    }

    @Test
    void keyClearedResolvesDevice() {
        Evaluation.ResolveMatching resolve = (Evaluation.ResolveMatching) UnclearedKeyRule.onKeyCleared(KEY_CLEARED);
        AlertIdentity device = AlertIdentity.of(
                AlertRule.KEY_EXPOSURE,
                Map.of(
                        "partialKey", "7QX4M",
                        "lineId", "line-1",
                        "stationId", "sysprep-01",
                        "serial", "SN-5",
                        "location", "registry"));
        AlertIdentity notes = AlertIdentity.of(
                AlertRule.KEY_EXPOSURE,
                Map.of("partialKey", "7QX4M", "lineId", "line-1", "stationId", "imaging-01", "location", "/notes"));

        assertThat(resolve.matches(device)).isTrue();
        assertThat(resolve.matches(notes)).isFalse();
    }
}
