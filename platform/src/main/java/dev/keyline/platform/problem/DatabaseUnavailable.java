package dev.keyline.platform.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.util.List;
import java.util.Set;

/**
 * Tells whether an error means that the service could not reach PostgreSQL or lost its connection, as when the server
 * restarts or an administrator ends the service's sessions. The connection pool opens new connections, so the same
 * request a few seconds later can succeed.
 */
public final class DatabaseUnavailable {

    /** Sessions ended by the server, a server that is starting or stopping, and a server out of connections. */
    private static final Set<String> SQL_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** SQLSTATE class 08 is a connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * Messages of the Vert.x SQL client 4.5 for a request that it could not send because the connection had closed.
     * The client raises them as plain {@code VertxException} or {@code NoStackTraceThrowable}, without a type of their
     * own.
     */
    private static final List<String> CLOSED_CONNECTION_MESSAGES = List.of(
            "Pending requests failed to be sent due to connection has been closed", "Connection is not active now");
    /** Causes are followed this deep at most, so a cause chain with a loop ends. */
    private static final int MAX_DEPTH = 16;

    private DatabaseUnavailable() {}

    /** Returns true when the error or one of its causes shows the database out of reach. */
    public static boolean isCauseOf(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            // A refused connection and a connection reset by the server are socket exceptions. The services' request
            // handlers reach no server but PostgreSQL, so such an exception there comes from the database.
            if (cause instanceof ClosedConnectionException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof PgException problem && isConnectionState(problem.getSqlState())) {
                return true;
            }
            if (isClientClosedMessage(cause)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    private static boolean isClientClosedMessage(Throwable cause) {
        String message = cause.getMessage();
        return message != null
                && cause.getClass().getName().startsWith("io.vertx.")
                && CLOSED_CONNECTION_MESSAGES.stream().anyMatch(message::startsWith);
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith(CONNECTION_EXCEPTION_CLASS) || SQL_STATES.contains(sqlState));
    }
}
