package dev.keyline.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The pool's late timer failure becomes one WARN line without a stack trace; other errors pass unchanged. */
class PoolTimerFilterTest {

    private static final String UNCAUGHT = "Uncaught exception received by Vert.x";

    @Test
    void lateTimerBecomesWarning() {
        LogRecord record = new LogRecord(Level.SEVERE, UNCAUGHT);
        record.setThrown(failedTwice("io.vertx.sqlclient.impl.pool.SqlConnectionPool"));

        boolean logged = new PoolTimerFilter().isLoggable(record);

        assertThat(logged).isTrue();
        assertThat(record.getLevel()).isEqualTo(org.jboss.logmanager.Level.WARN);
        assertThat(record.getMessage()).isEqualTo(PoolTimerFilter.MESSAGE);
        assertThat(record.getThrown()).isNull();
    }

    @Test
    void sameMessageElsewhereUnchanged() {
        IllegalStateException elsewhere = failedTwice("dev.keyline.ledger.service.BookingService");
        LogRecord record = new LogRecord(Level.SEVERE, UNCAUGHT);
        record.setThrown(elsewhere);

        boolean logged = new PoolTimerFilter().isLoggable(record);

        assertThat(logged).isTrue();
        assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
        assertThat(record.getMessage()).isEqualTo(UNCAUGHT);
        assertThat(record.getThrown()).isSameAs(elsewhere);
    }

    @Test
    void otherPoolErrorUnchanged() {
        IllegalStateException other = new IllegalStateException("Pool closed");
        other.setStackTrace(trace("io.vertx.sqlclient.impl.pool.SqlConnectionPool"));

        assertThat(PoolTimerFilter.isLatePoolTimer(other)).isFalse();
    }

    @Test
    void recordWithoutErrorUnchanged() {
        LogRecord record = new LogRecord(Level.INFO, "booked 3 events");

        boolean logged = new PoolTimerFilter().isLoggable(record);

        assertThat(logged).isTrue();
        assertThat(record.getLevel()).isEqualTo(Level.INFO);
        assertThat(record.getMessage()).isEqualTo("booked 3 events");
    }

    /** Returns the error as Vert.x 4.5.27 raises it, with the given class in the pool's place in the trace. */
    private static IllegalStateException failedTwice(String secondFrameClass) {
        IllegalStateException error = new IllegalStateException("Result is already complete");
        error.setStackTrace(trace(secondFrameClass));
        return error;
    }

    private static StackTraceElement[] trace(String secondFrameClass) {
        return new StackTraceElement[] {
            new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
            new StackTraceElement(secondFrameClass, "lambda$execute$3", "SqlConnectionPool.java", 216),
            new StackTraceElement("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "handle", "VertxImpl.java", 1102)
        };
    }
}
