package dev.keyline.alert.domain;

import static dev.keyline.alert.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SilenceTest {

    private static final AlertIdentity KEY_LOW =
            AlertIdentity.of(AlertRule.KEY_LOW, Map.of("keyId", "KEY-B", "partialKey", "7QX4M"));
    private static final Instant END = T0.plusSeconds(3600);

    @Test
    void equalMatcherSilencesDuringWindow() {
        Silence silence = silence(new LabelMatcher("keyId", "KEY-B", false, true));

        assertThat(silence.silences(KEY_LOW, Severity.WARNING, T0)).isTrue();
        assertThat(silence.silences(KEY_LOW, Severity.WARNING, T0.minusSeconds(1)))
                .isFalse();
        assertThat(silence.silences(KEY_LOW, Severity.WARNING, END)).isFalse();
    }

    @Test
    void alertnameAndSeverityMatch() {
        Silence silence = silence(
                new LabelMatcher("alertname", "key-low", false, true),
                new LabelMatcher("severity", "warning", false, true));

        assertThat(silence.silences(KEY_LOW, Severity.WARNING, T0)).isTrue();
        assertThat(silence.silences(KEY_LOW, Severity.CRITICAL, T0)).isFalse();
    }

    @Test
    void regexMatchesWholeValue() {
        Silence silence = silence(new LabelMatcher("keyId", "KEY-.", true, true));
        AlertIdentity longer = AlertIdentity.of(AlertRule.KEY_LOW, Map.of("keyId", "KEY-BB"));

        assertThat(silence.silences(KEY_LOW, Severity.WARNING, T0)).isTrue();
        assertThat(silence.silences(longer, Severity.WARNING, T0)).isFalse();
    }

    @Test
    void notEqualMatcherInverts() {
        Silence silence = silence(
                new LabelMatcher("alertname", "key-low", false, true),
                new LabelMatcher("keyId", "KEY-B", false, false));

        assertThat(silence.silences(KEY_LOW, Severity.WARNING, T0)).isFalse();
    }

    @Test
    void missingLabelMatchesEmpty() {
        assertThat(new LabelMatcher("lineId", "", false, true).matches(Map.of()))
                .isTrue();
        assertThat(new LabelMatcher("lineId", "line-1", false, true).matches(Map.of()))
                .isFalse();
    }

    @Test
    void stateFollowsWindow() {
        Silence silence = silence(new LabelMatcher("keyId", "KEY-B", false, true));

        assertThat(silence.state(T0.minusSeconds(1))).isEqualTo(SilenceState.PENDING);
        assertThat(silence.state(T0)).isEqualTo(SilenceState.ACTIVE);
        assertThat(silence.state(END)).isEqualTo(SilenceState.EXPIRED);
    }

    private static Silence silence(LabelMatcher... matchers) {
        return new Silence(UUID.randomUUID(), List.of(matchers), T0, END, "alice", "maintenance");
    }
}
