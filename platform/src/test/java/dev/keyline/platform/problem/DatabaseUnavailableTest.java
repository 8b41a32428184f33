package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** Errors that mean the database is out of reach for a moment get 503 with Retry-After; other errors stay 500. */
class DatabaseUnavailableTest {

    @Test
    void terminatedSessionIsUnavailable() {
        PgException terminated = failure("57P01", "terminating connection due to administrator command");

        Response response = new ProblemMappers().unexpected(new IllegalStateException("query failed", terminated));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getEntity()).isEqualTo(ProblemMappers.databaseUnavailableProblem());
        assertThat(((Problem) response.getEntity()).type()).endsWith("/database-unavailable");
    }

    @Test
    void closedConnectionIsUnavailable() {
        assertThat(DatabaseUnavailable.isCauseOf(ClosedConnectionException.INSTANCE))
                .isTrue();
    }

    @Test
    void resetConnectionIsUnavailable() {
        assertThat(DatabaseUnavailable.isCauseOf(new SocketException("Connection reset")))
                .isTrue();
    }

    @Test
    void refusedConnectionIsUnavailable() {
        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void pendingRequestOnClosedConnectionIsUnavailable() {
        VertxException pending =
                new VertxException("Pending requests failed to be sent due to connection has been closed.");
        NoStackTraceThrowable inactive =
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");

        assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(pending))).isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(inactive)).isTrue();
    }

    @Test
    void sameMessageOutsideVertxIsNotUnavailable() {
        assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("Connection is not active now")))
                .isFalse();
    }

    @Test
    void connectionExceptionClassIsUnavailable() {
        assertThat(DatabaseUnavailable.isCauseOf(failure("08006", "connection failure")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(failure("53300", "too many connections")))
                .isTrue();
    }

    @Test
    void constraintViolationIsNotUnavailable() {
        PgException duplicate = failure("23505", "duplicate key value violates unique constraint");

        Response response = new ProblemMappers().unexpected(duplicate);

        assertThat(DatabaseUnavailable.isCauseOf(duplicate)).isFalse();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }

    @Test
    void causeLoopEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(DatabaseUnavailable.isCauseOf(first)).isFalse();
    }

    private static PgException failure(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
