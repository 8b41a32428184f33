package dev.keyline.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;

/**
 * Sends the embedded PostgreSQL server's output to {@code postgres.log} in the log directory instead of the console.
 * The zonky library logs that output through SLF4J, which {@code slf4j-jboss-logmanager} routes to JBoss LogManager.
 */
final class LauncherLogging {

    private static final String POSTGRES_LOGGER = "io.zonky.test.db.postgres";

    /** Referenced here because an unreferenced logger may be garbage-collected together with its handlers. */
    private static Logger postgresLogger;

    private LauncherLogging() {}

    static void sendPostgresOutputTo(Path logDirectory) throws IOException {
        FileHandler handler =
                new FileHandler(logDirectory.resolve("postgres.log").toString(), true);
        handler.setFormatter(new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss} %-5p %s%e%n"));
        postgresLogger = LogContext.getLogContext().getLogger(POSTGRES_LOGGER);
        postgresLogger.setLevel(Level.INFO);
        postgresLogger.setUseParentHandlers(false);
        postgresLogger.addHandler(handler);
    }
}
