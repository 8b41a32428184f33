package dev.keyline.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void noFailureNoWait() {
        assertThat(backoff.after(0)).isZero();
    }

    @Test
    void waitDoublesAndCaps() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void initialAboveMaxRejected() {
        assertThatThrownBy(() -> new DeliveryBackoff(Duration.ofMinutes(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
