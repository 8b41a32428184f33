package dev.keyline.alert.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager} package) on a free port of 127.0.0.1
 * with clustering off, a temporary storage path and a config that sends every notification, resolved ones included,
 * to the test {@link WebhookReceiver} under {@code /alertmanager}, with the inhibit rules of
 * {@code deploy/production/alertmanager.yml}. Alertmanager's {@code GET /api/v2/alerts} leaves
 * out resolved alerts, so a test reads the {@code endsAt} of a resolve from the receiver. Sets
 * {@code keyline.alertmanager.url}.
 */
public class AlertmanagerTestResource implements QuarkusTestResourceLifecycleManager {

    /** The binary; the system property {@code keyline.test.alertmanager} overrides it. */
    static final String DEFAULT_BINARY = "/usr/bin/prometheus-alertmanager";

    /** The Alertmanager config that deploy/production ships, relative to this module. */
    public static final Path PRODUCTION_CONFIG = Path.of("../deploy/production/alertmanager.yml");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private static volatile String url;

    private Process process;
    private Path directory;

    /** Returns the Alertmanager's base URL, such as {@code http://127.0.0.1:40123}. */
    public static String url() {
        return url;
    }

    @Override
    public Map<String, String> start() {
        Path binary = Path.of(System.getProperty("keyline.test.alertmanager", DEFAULT_BINARY));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Alertmanager binary " + binary + " is missing; install Debian's package"
                    + " with 'apt-get install -y prometheus-alertmanager', or point the system property"
                    + " keyline.test.alertmanager at an Alertmanager binary");
        }
        try {
            directory = Files.createTempDirectory("keyline-alertmanager");
            Path config = directory.resolve("alertmanager.yml");
            Files.writeString(config, config(WebhookReceiver.start() + "/alertmanager"));
            int port = freePort();
            process = new ProcessBuilder(
                            binary.toString(),
                            "--config.file=" + config,
                            "--storage.path=" + directory.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port,
                            "--cluster.listen-address=")
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("alertmanager.log").toFile())
                    .start();
            url = "http://127.0.0.1:" + port;
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("could not start Alertmanager from " + binary, e);
        }
        return Map.of("keyline.alertmanager.url", url);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not delete Alertmanager's directory " + directory, e);
            }
        }
    }

    /**
     * Returns the test config: every alert goes to the receiver at once, resolved ones too, and the inhibit rules are
     * those of the production config, so the tests check the rules that operators deploy.
     */
    private static String config(String receiverUrl) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (!Files.isRegularFile(PRODUCTION_CONFIG)) {
            throw new IllegalStateException("production Alertmanager config " + PRODUCTION_CONFIG.toAbsolutePath()
                    + " is missing; run the tests from the alert-service module of a full checkout");
        }
        JsonNode production = yaml.readTree(PRODUCTION_CONFIG.toFile());

        ObjectNode config = yaml.createObjectNode();
        ObjectNode route = config.putObject("route");
        route.put("receiver", "keyline-test");
        route.putArray("group_by").add("...");
        route.put("group_wait", "0s");
        route.put("group_interval", "1s");
        route.put("repeat_interval", "1h");

        ObjectNode webhook = config.putArray("receivers")
                .addObject()
                .put("name", "keyline-test")
                .putArray("webhook_configs")
                .addObject();
        webhook.put("url", receiverUrl);
        webhook.put("send_resolved", true);

        config.set("inhibit_rules", production.required("inhibit_rules"));
        return yaml.writeValueAsString(config);
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited with code " + process.exitValue() + "; see "
                        + directory.resolve("alertmanager.log"));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(url + "/-/ready").toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Alertmanager", e);
            }
        }
        throw new IllegalStateException(
                "Alertmanager at " + url + " was not ready within " + STARTUP_TIMEOUT.toSeconds() + " seconds");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
