package dev.keyline.ledger.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IsoDurationsTest {

    @Test
    void wholeDaysAreWrittenInDays() {
        assertThat(IsoDurations.format(Duration.ofDays(14))).isEqualTo("P14D");
        assertThat(IsoDurations.format(Duration.ofDays(30))).isEqualTo("P30D");
    }

    @Test
    void daysAndTimeKeepBothParts() {
        assertThat(IsoDurations.format(Duration.ofHours(36))).isEqualTo("P1DT12H");
        assertThat(IsoDurations.format(Duration.ofDays(2).plusMinutes(90).plusSeconds(5)))
                .isEqualTo("P2DT1H30M5S");
    }

    @Test
    void lessThanDayIsTimeOnly() {
        assertThat(IsoDurations.format(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
        assertThat(IsoDurations.format(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }

    @Test
    void zeroAndNegativeUseJavaForm() {
        assertThat(IsoDurations.format(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(IsoDurations.format(Duration.ofHours(-2))).isEqualTo("PT-2H");
    }

    @Test
    void formattedDurationsParseBack() {
        for (Duration duration : new Duration[] {
            Duration.ofDays(14),
            Duration.ofHours(36),
            Duration.ofMinutes(90),
            Duration.ofDays(2).plusSeconds(5)
        }) {
            assertThat(Duration.parse(IsoDurations.format(duration))).isEqualTo(duration);
        }
    }
}
