package dev.keyline.launcher;

import java.util.Map;
import java.util.TreeMap;

/** Builds the environment variables that configure one service process; see each service's application.properties. */
public final class ServiceEnvironment {

    /** Alert when a key's available count falls below this many activations. */
    public static final int KEY_LOW_THRESHOLD = 20;

    private ServiceEnvironment() {}

    public static Map<String, String> build(
            KeylineService service,
            int httpPort,
            String kafkaBootstrapServers,
            PostgresAddress postgres,
            AccessTokens tokens,
            String fingerprintSecret) {
        Map<String, String> environment = new TreeMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.put("KEYLINE_DB_JDBC_URL", postgres.jdbcUrl(service.database()));
        environment.put("KEYLINE_DB_REACTIVE_URL", postgres.reactiveUrl(service.database()));
        environment.put("KEYLINE_DB_USER", postgres.user());
        environment.put("KEYLINE_DB_PASSWORD", postgres.password());
        environment.put("KEYLINE_AUTH_TOKENS", tokens.authTokensVariable());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("KEYLINE_ALERTS_KEY_LOW_THRESHOLD", Integer.toString(KEY_LOW_THRESHOLD));
        if (service.needsFingerprintSecret()) {
            environment.put("KEYLINE_KEYS_FINGERPRINT_SECRET", fingerprintSecret);
        }
        return environment;
    }
}
