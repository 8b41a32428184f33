package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FactRetentionTest {

    @Test
    void retentionCoveringEveryWindowPasses() {
        FactRetention retention = new FactRetention(Duration.ofDays(30))
                .window("forecast", Duration.ofDays(7))
                .window("spike", Duration.ofDays(30));

        assertThat(retention.shortfall()).isEmpty();
    }

    @Test
    void shortRetentionNamesTheWindow() {
        FactRetention retention = new FactRetention(Duration.ofDays(5))
                .window("keyline.alerts.repeat-activation.window", Duration.ofHours(24))
                .window("keyline.alerts.depletion-forecast.window", Duration.ofDays(7));

        assertThat(retention.shortfall())
                .contains("keyline.alerts.facts.retention is 5 days, shorter than"
                        + " keyline.alerts.depletion-forecast.window (7 days); set it to at least 7 days so that the"
                        + " rule still finds the facts it reads");
    }
}
