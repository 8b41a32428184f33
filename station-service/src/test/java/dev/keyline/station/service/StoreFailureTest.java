package dev.keyline.station.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.artifact.ArtifactRejected;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of the outbox transaction become 503 {@code report-not-stored}. A database out of reach is left to
 * the platform's mapper, which returns 503 {@code database-unavailable} with {@code Retry-After: 5}.
 */
class StoreFailureTest {

    @Test
    void deadlockIsStoreFailure() {
        PgException deadlock = new PgException("deadlock detected", "ERROR", "40P01", null);

        assertThat(ReportPublisher.isStoreFailure(deadlock)).isTrue();
    }

    @Test
    void terminatedSessionLeftToMapper() {
        PgException terminated =
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null);

        assertThat(ReportPublisher.isStoreFailure(new IllegalStateException("commit failed", terminated)))
                .isFalse();
    }

    @Test
    void refusedConnectionLeftToMapper() {
        assertThat(ReportPublisher.isStoreFailure(new ConnectException("Connection refused")))
                .isFalse();
    }

    @Test
    void problemsPassUnchanged() {
        assertThat(ReportPublisher.isStoreFailure(
                        ProblemException.conflict("step-out-of-order", "Step out of order", "clear the key first")))
                .isFalse();
        assertThat(ReportPublisher.isStoreFailure(new ArtifactRejected("not XML", false)))
                .isFalse();
    }
}
