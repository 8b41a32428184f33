package dev.keyline.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.Level;

/**
 * Turns the Vert.x SQL client's late pool timer failure into one WARN line. When the pool cannot open a connection, as
 * while PostgreSQL is down, the request fails at once, but the client's wait timer stays armed. When it fires 30 s
 * later, it fails the finished request again, and Vert.x logs that as an uncaught ERROR with a 20-line stack trace
 * (upstream: https://github.com/eclipse-vertx/vertx-sql-client/issues/1706, open for 4.5). The request's caller got
 * its error when the connection failed, so the second failure changes nothing.
 *
 * <p>Each service names this filter on its log handlers ({@code quarkus.log.console.filter}). Records of any other
 * error pass unchanged.
 */
@LoggingFilter(name = PoolTimerFilter.NAME)
public final class PoolTimerFilter implements Filter {

    public static final String NAME = "keyline-pool-timer";
    static final String MESSAGE = "PostgreSQL pool: a connection wait timed out for a request that had already failed."
            + " This is a known fault of the Vert.x SQL client after a failed connection, and the request's caller got"
            + " its error then.";

    private static final String FAILED_TWICE = "Result is already complete";
    private static final String POOL_CLASS = "io.vertx.sqlclient.impl.pool.SqlConnectionPool";
    /** The pool's frame is the second of the trace, after {@code Promise.fail}. Four allow for other versions. */
    private static final int FRAMES_TO_SEARCH = 4;

    @Override
    public boolean isLoggable(LogRecord record) {
        if (isLatePoolTimer(record.getThrown())) {
            record.setLevel(Level.WARN);
            record.setMessage(MESSAGE);
            record.setParameters(null);
            record.setThrown(null);
        }
        return true;
    }

    /** Tells whether an error is the pool's timer failing a request that had already failed. */
    static boolean isLatePoolTimer(Throwable thrown) {
        if (!(thrown instanceof IllegalStateException) || !FAILED_TWICE.equals(thrown.getMessage())) {
            return false;
        }
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, FRAMES_TO_SEARCH); i++) {
            if (frames[i].getClassName().equals(POOL_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
