package dev.keyline.launcher;

import java.nio.file.Path;

/** The three Keyline services the launcher starts, with their defaults. */
public enum KeylineService {
    STATION("station-service", "keyline_station", 8081, "KEYLINE_STATION_PORT", true),
    LEDGER("ledger-service", "keyline_ledger", 8082, "KEYLINE_LEDGER_PORT", true),
    ALERT("alert-service", "keyline_alert", 8083, "KEYLINE_ALERT_PORT", false);

    private final String moduleName;
    private final String database;
    private final int defaultPort;
    private final String portVariable;
    private final boolean needsFingerprintSecret;

    KeylineService(
            String moduleName, String database, int defaultPort, String portVariable, boolean needsFingerprintSecret) {
        this.moduleName = moduleName;
        this.database = database;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
        this.needsFingerprintSecret = needsFingerprintSecret;
    }

    /** Returns the Maven module directory under the repository root, which is also the log file's base name. */
    public String moduleName() {
        return moduleName;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Returns the environment variable that overrides {@link #defaultPort()}. */
    public String portVariable() {
        return portVariable;
    }

    /** Whether the service derives key fingerprints, which must agree between the station and the ledger. */
    public boolean needsFingerprintSecret() {
        return needsFingerprintSecret;
    }

    /** Returns the runnable jar that {@code quarkus-maven-plugin} builds for the service. */
    public Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
