package dev.keyline.station.messaging;

import dev.keyline.station.config.KafkaHealthConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Reports ready only while the Kafka broker responds to {@code describeCluster}. The service has no Kafka channel whose
 * health SmallRye would report, and without the broker the outbox relay cannot publish what the service accepts.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaReadinessCheck.class);

    private final String bootstrapServers;
    private final Duration timeout;

    private Admin admin;
    private boolean down;

    public KafkaReadinessCheck(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, KafkaHealthConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = config.timeout();
    }

    @Override
    public synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Kafka broker").withData("bootstrap.servers", bootstrapServers);
        try {
            DescribeClusterResult cluster =
                    admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            recovered();
            return response.up()
                    .withData("cluster.id", clusterId)
                    .withData("nodes", nodes)
                    .build();
        } catch (ExecutionException | TimeoutException e) {
            failed(e);
            return response.down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(3));
        }
    }

    private Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "keyline-station-readiness");
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            admin = Admin.create(properties);
        }
        return admin;
    }

    /** Logs the change to DOWN once instead of at every probe. */
    private void failed(Exception e) {
        if (!down) {
            down = true;
            LOG.warnf("Kafka at %s did not describe its cluster within %s: %s", bootstrapServers, timeout, e);
        }
    }

    private void recovered() {
        if (down) {
            down = false;
            LOG.infof("Kafka at %s describes its cluster again", bootstrapServers);
        }
    }
}
