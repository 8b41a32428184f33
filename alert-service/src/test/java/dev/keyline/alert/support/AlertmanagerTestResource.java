package dev.keyline.alert.support;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager} package) on a free port of 127.0.0.1
 * with clustering off, a temporary storage path and a config that sends every notification, resolved ones included,
 * to the test {@link WebhookReceiver} under {@code /alertmanager}. Alertmanager's {@code GET /api/v2/alerts} leaves
 * out resolved alerts, so a test reads the {@code endsAt} of a resolve from the receiver. Sets
 * {@code keyline.alertmanager.url}.
 */
public class AlertmanagerTestResource implements QuarkusTestResourceLifecycleManager {

    /** The binary; the system property {@code keyline.test.alertmanager} overrides it. */
    static final String DEFAULT_BINARY = "/usr/bin/prometheus-alertmanager";

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

    private static String config(String receiverUrl) {
        return String.join(
                "\n",
                List.of(
                        "route:",
                        "  receiver: keyline-test",
                        "  group_by: ['...']",
                        "  group_wait: 0s",
                        "  group_interval: 1s",
                        "  repeat_interval: 1h",
                        "receivers:",
                        "  - name: keyline-test",
                        "    webhook_configs:",
                        "      - url: " + receiverUrl,
                        "        send_resolved: true",
                        ""));
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
