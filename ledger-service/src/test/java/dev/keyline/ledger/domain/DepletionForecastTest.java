package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DepletionForecastTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(14);
    private static final Duration LEAD_TIME = Duration.ofDays(30);

    @Test
    void projectsRateOfWindow() {
        DepletionForecast forecast =
                DepletionForecast.compute("KEY-A", KeyState.ACTIVE, 100, 28, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.state()).isEqualTo(KeyState.ACTIVE);
        assertThat(forecast.usedPerDay()).isEqualTo(2.0);
        assertThat(forecast.daysLeft()).isEqualTo(50.0);
        assertThat(forecast.depletionDate()).isEqualTo(Instant.parse("2027-01-20T00:00:00Z"));
        assertThat(forecast.reorderNow()).isFalse();
    }

    @Test
    void runningOutWithinLeadTimeMeansReorder() {
        DepletionForecast forecast =
                DepletionForecast.compute("KEY-A", KeyState.ACTIVE, 20, 28, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.daysLeft()).isEqualTo(10.0);
        assertThat(forecast.reorderNow()).isTrue();
    }

    @Test
    void noUseMeansNoDepletionDate() {
        DepletionForecast forecast = DepletionForecast.compute("KEY-A", KeyState.ACTIVE, 20, 0, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.depletionDate()).isNull();
        assertThat(forecast.reorderNow()).isFalse();
    }

    @Test
    void overCommittedKeyIsDepletedNow() {
        DepletionForecast forecast = DepletionForecast.compute("KEY-A", KeyState.ACTIVE, -3, 0, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.daysLeft()).isEqualTo(0.0);
        assertThat(forecast.depletionDate()).isEqualTo(NOW);
        assertThat(forecast.reorderNow()).isTrue();
    }

    @Test
    void exhaustedKeyNeedsReorder() {
        DepletionForecast forecast =
                DepletionForecast.compute("KEY-A", KeyState.EXHAUSTED, 84, 6, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.state()).isEqualTo(KeyState.EXHAUSTED);
        assertThat(forecast.available()).isEqualTo(84);
        assertThat(forecast.usedInWindow()).isEqualTo(6);
        assertThat(forecast.usedPerDay()).isEqualTo(6 / 14.0);
        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.depletionDate()).isNull();
        assertThat(forecast.reorderNow()).isTrue();
    }

    @Test
    void blockedKeyNeedsReorder() {
        DepletionForecast forecast =
                DepletionForecast.compute("KEY-A", KeyState.BLOCKED, 84, 28, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.state()).isEqualTo(KeyState.BLOCKED);
        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.depletionDate()).isNull();
        assertThat(forecast.reorderNow()).isTrue();
    }

    @Test
    void retiredKeyHasNoDaysLeft() {
        DepletionForecast forecast =
                DepletionForecast.compute("KEY-A", KeyState.RETIRED, 84, 28, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.state()).isEqualTo(KeyState.RETIRED);
        assertThat(forecast.usedPerDay()).isEqualTo(2.0);
        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.depletionDate()).isNull();
        assertThat(forecast.reorderNow()).isFalse();
    }

    @Test
    void retiredOverCommittedKeyHasNoReorder() {
        DepletionForecast forecast =
                DepletionForecast.compute("KEY-A", KeyState.RETIRED, -3, 0, WINDOW, NOW, LEAD_TIME);

        assertThat(forecast.daysLeft()).isNull();
        assertThat(forecast.depletionDate()).isNull();
        assertThat(forecast.reorderNow()).isFalse();
    }
}
