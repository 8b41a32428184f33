package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.platform.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:30:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    @Test
    void freshEmptyKeyRejected() {
        Availability.Verdict verdict = Availability.check(
                "KEY-A", "/keyId", List.of(balance(0, "exhausted", NOW.minusSeconds(60))), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isPresent();
        Problem problem = verdict.rejection().get();
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("https://keyline.dev/problems/key-unavailable");
        assertThat(problem.detail())
                .contains("key KEY-A ending in 7QX4M (state exhausted) has no activations available")
                .contains("available 0 = allotment 100 - consumed 90 - committed 10");
        assertThat(problem.errors().get(0).field()).isEqualTo("/keyId");
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void negativeAvailableRejected() {
        Availability.Verdict verdict =
                Availability.check("7QX4M", "/partialKey", List.of(balance(-3, null, NOW)), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isPresent();
        assertThat(verdict.rejection().get().errors().get(0).field()).isEqualTo("/partialKey");
    }

    @Test
    void availableKeyAccepted() {
        Availability.Verdict verdict =
                Availability.check("KEY-A", "/keyId", List.of(balance(1, "active", NOW)), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void staleFiguresAcceptedWithWarning() {
        Availability.Verdict verdict = Availability.check(
                "KEY-A", "/keyId", List.of(balance(0, "exhausted", NOW.minus(Duration.ofMinutes(11)))), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isEmpty();
        assertThat(verdict.warnings()).hasSize(1);
        assertThat(verdict.warnings().get(0)).contains("11 minutes ago").contains("older than 10 minutes");
    }

    @Test
    void missingFiguresAcceptedWithWarning() {
        Availability.Verdict verdict = Availability.check("KEY-Z", "/keyId", List.of(), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isEmpty();
        assertThat(verdict.warnings())
                .containsExactly("no balance has been published for key KEY-Z, so its available count was not checked");
    }

    @Test
    void sharedPartialKeyAcceptedWithWarning() {
        Availability.Verdict verdict = Availability.check(
                "7QX4M", "/partialKey", List.of(balance(0, null, NOW), balance(5, null, NOW)), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isEmpty();
        assertThat(verdict.warnings().get(0)).contains("matches 2 registered keys");
    }

    private static Availability.Balance balance(long available, String state, Instant publishedAt) {
        return new Availability.Balance("KEY-A", "7QX4M", 100, 10, 90 + (0 - available), available, state, publishedAt);
    }
}
