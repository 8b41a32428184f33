package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    void otherPartialKeyRejected() {
        Optional<Problem> mismatch = Availability.keyMismatch(
                "KEY-A", "h2k9d", List.of(balance(40, "active", NOW.minus(Duration.ofDays(9)))));

        assertThat(mismatch).isPresent();
        assertThat(mismatch.get().status()).isEqualTo(409);
        assertThat(mismatch.get().type()).isEqualTo("https://keyline.dev/problems/key-mismatch");
        assertThat(mismatch.get().detail())
                .startsWith("key KEY-A ends in 7QX4M, but the report's partialKey is H2K9D;")
                .endsWith("Nothing was booked");
        assertThat(mismatch.get().errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(
                        tuple("/partialKey", "is H2K9D, but key KEY-A ends in 7QX4M"),
                        tuple("/keyId", "names a key ending in 7QX4M"));
    }

    @Test
    void matchingOrUnknownPartialKeyPasses() {
        List<Availability.Balance> keyA = List.of(balance(40, "active", NOW));

        assertThat(Availability.keyMismatch("KEY-A", "7qx4m", keyA)).isEmpty();
        assertThat(Availability.keyMismatch("KEY-A", null, keyA)).isEmpty();
        assertThat(Availability.keyMismatch(null, "H2K9D", keyA)).isEmpty();
        assertThat(Availability.keyMismatch("KEY-A", "H2K9D", List.of())).isEmpty();
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
    void unusableKeyStateRejected() {
        for (String state : List.of("exhausted", "blocked", "retired")) {
            Availability.Verdict verdict = Availability.check(
                    "KEY-A", "/keyId", List.of(balance(6, state, NOW.minusSeconds(60))), NOW, MAX_AGE);

            assertThat(verdict.rejection()).as(state).isPresent();
            assertThat(verdict.rejection().get().type()).isEqualTo("https://keyline.dev/problems/key-unavailable");
            assertThat(verdict.rejection().get().errors().get(0).message())
                    .isEqualTo("names key KEY-A, which is " + state);
        }
        assertThat(Availability.check("KEY-A", "/keyId", List.of(balance(6, "active", NOW)), NOW, MAX_AGE)
                        .rejection())
                .isEmpty();
    }

    @Test
    void unbookedDevicesCountAgainstKey() {
        List<Availability.Balance> keyA = List.of(balance(2, "active", NOW));

        assertThat(Availability.check("KEY-A", "/keyId", keyA, NOW, MAX_AGE, 1).rejection())
                .isEmpty();
        Availability.Verdict third = Availability.check("KEY-A", "/keyId", keyA, NOW, MAX_AGE, 2);
        assertThat(third.rejection()).isPresent();
        assertThat(third.rejection().get().detail())
                .contains(", and 2 devices provisioned with it since are not in that balance yet");
        assertThat(third.rejection().get().errors().get(0).message())
                .isEqualTo("names key KEY-A, which has 0 activations available");
        assertThat(Availability.check("KEY-A", "/keyId", keyA, NOW, MAX_AGE, 3)
                        .rejection()
                        .get()
                        .errors()
                        .get(0)
                        .message())
                .as("more unbooked devices than available")
                .isEqualTo("names key KEY-A, which has -1 activations available");
    }

    @Test
    void staleFiguresWithActivationsLeftAcceptedWithWarning() {
        Availability.Verdict verdict = Availability.check(
                "KEY-A", "/keyId", List.of(balance(5, "active", NOW.minus(Duration.ofMinutes(11)))), NOW, MAX_AGE);

        assertThat(verdict.rejection()).isEmpty();
        assertThat(verdict.warnings()).hasSize(1);
        assertThat(verdict.warnings().get(0)).contains("11 minutes ago").contains("older than 10 minutes");
    }

    @Test
    void staleFiguresWithNothingLeftRejected() {
        Instant old = NOW.minus(Duration.ofMinutes(11));

        Availability.Verdict empty =
                Availability.check("KEY-A", "/keyId", List.of(balance(0, "active", old)), NOW, MAX_AGE);
        Availability.Verdict usedUp =
                Availability.check("KEY-A", "/keyId", List.of(balance(3, "active", old)), NOW, MAX_AGE, 3);
        Availability.Verdict exhausted =
                Availability.check("KEY-A", "/keyId", List.of(balance(4, "exhausted", old)), NOW, MAX_AGE);

        assertThat(empty.rejection()).isPresent();
        assertThat(usedUp.rejection()).isPresent();
        assertThat(exhausted.rejection()).isPresent();
        assertThat(exhausted.rejection().get().status()).isEqualTo(409);
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

    private static Availability.Balance balance(long available, String state, Instant receivedAt) {
        return new Availability.Balance("KEY-A", "7QX4M", 100, 10, 90 + (0 - available), available, state, receivedAt);
    }
}
