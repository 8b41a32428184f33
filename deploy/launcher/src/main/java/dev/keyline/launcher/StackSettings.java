package dev.keyline.launcher;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ports of the stack's parts, and the external Kafka or PostgreSQL to use instead of starting one.
 *
 * @param externalKafka bootstrap servers of a running Kafka; empty means start one on {@code kafkaPort}
 * @param kafkaPort client port of the started Kafka
 * @param kafkaControllerPort KRaft controller port of the started Kafka
 * @param externalPostgresHost host of a running PostgreSQL; empty means start one on {@code postgresPort}
 * @param postgresPort PostgreSQL port, of the started server or of the external one
 * @param postgresUser PostgreSQL user
 * @param postgresPassword PostgreSQL password
 * @param servicePorts HTTP port of each service
 */
public record StackSettings(
        Optional<String> externalKafka,
        int kafkaPort,
        int kafkaControllerPort,
        Optional<String> externalPostgresHost,
        int postgresPort,
        String postgresUser,
        String postgresPassword,
        Map<KeylineService, Integer> servicePorts) {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_EMBEDDED_POSTGRES_PORT = 15432;
    public static final int DEFAULT_EXTERNAL_POSTGRES_PORT = 5432;
    public static final String DEFAULT_POSTGRES_USER = "postgres";
    public static final String DEFAULT_POSTGRES_PASSWORD = "postgres";

    public StackSettings {
        servicePorts = Map.copyOf(servicePorts);
        for (KeylineService service : KeylineService.values()) {
            if (!servicePorts.containsKey(service)) {
                throw new IllegalArgumentException("no HTTP port given for " + service.moduleName());
            }
        }
    }

    /** Reads the settings from environment variables, using the documented defaults for those not set. */
    public static StackSettings fromEnvironment(Map<String, String> environment) {
        Optional<String> externalKafka = nonBlank(environment, "KAFKA_BOOTSTRAP_SERVERS");
        Optional<String> externalPostgresHost = nonBlank(environment, "KEYLINE_PG_HOST");
        int defaultPostgresPort =
                externalPostgresHost.isPresent() ? DEFAULT_EXTERNAL_POSTGRES_PORT : DEFAULT_EMBEDDED_POSTGRES_PORT;

        Map<KeylineService, Integer> servicePorts = new EnumMap<>(KeylineService.class);
        for (KeylineService service : KeylineService.values()) {
            servicePorts.put(service, port(environment, service.portVariable(), service.defaultPort()));
        }

        return new StackSettings(
                externalKafka,
                port(environment, "KEYLINE_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(environment, "KEYLINE_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
                externalPostgresHost,
                port(environment, "KEYLINE_PG_PORT", defaultPostgresPort),
                nonBlank(environment, "KEYLINE_PG_USER").orElse(DEFAULT_POSTGRES_USER),
                Optional.ofNullable(environment.get("KEYLINE_PG_PASSWORD")).orElse(DEFAULT_POSTGRES_PASSWORD),
                servicePorts);
    }

    public int servicePort(KeylineService service) {
        return servicePorts.get(service);
    }

    /** Describes the settings without the PostgreSQL password. */
    @Override
    public String toString() {
        return "StackSettings[externalKafka=" + externalKafka + ", kafkaPort=" + kafkaPort + ", kafkaControllerPort="
                + kafkaControllerPort + ", externalPostgresHost=" + externalPostgresHost + ", postgresPort="
                + postgresPort + ", postgresUser=" + postgresUser + ", servicePorts=" + servicePorts + "]";
    }

    private static Optional<String> nonBlank(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static int port(Map<String, String> environment, String name, int defaultPort) {
        Optional<String> value = nonBlank(environment, name);
        if (value.isEmpty()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below together with the out-of-range case.
        }
        throw new UsageException("invalid " + name + "='" + value.get()
                + "': expected a TCP port from 1 to 65535; unset it to use " + defaultPort);
    }
}
