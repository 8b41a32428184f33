package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The patterns are constants for the annotations, so these tests keep them in step with the contract's enums. */
class ReportConstraintsTest {

    @Test
    void methodPatternMatchesEnum() {
        assertThat(ReportConstraints.METHOD.split("\\|"))
                .containsExactlyInAnyOrder(Arrays.stream(ProvisioningMethod.values())
                        .map(ProvisioningMethod::wireName)
                        .toArray(String[]::new));
    }

    @Test
    void channelPatternMatchesEnum() {
        assertThat(ReportConstraints.CHANNEL.split("\\|"))
                .containsExactlyInAnyOrder(Arrays.stream(ActivationChannel.values())
                        .map(ActivationChannel::wireName)
                        .toArray(String[]::new));
    }

    @Test
    void idPattern() {
        assertThat(ReportConstraints.isId("SN_2026.01-a")).isTrue();
        assertThat(ReportConstraints.isId("x".repeat(64))).isTrue();
        assertThat(ReportConstraints.isId("x".repeat(65))).isFalse();
        assertThat(ReportConstraints.isId("")).isFalse();
        assertThat(ReportConstraints.isId("SN 1")).isFalse();
        assertThat(ReportConstraints.isId(null)).isFalse();
    }
}
