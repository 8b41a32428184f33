package dev.keyline.ledger.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** One packaged ledger ({@code quarkus-run.jar}) running in a child JVM, with its output in a log file. */
public final class LedgerProcess {

    private static final Logger LOG = Logger.getLogger(LedgerProcess.class);
    private static final String MAX_HEAP = "-Xmx512m";
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final URI url;
    private final Path logFile;

    private LedgerProcess(String name, Process process, URI url, Path logFile) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java -jar jar} with {@code environment} added to this JVM's environment and each of
     * {@code properties} as a {@code -Dname=value} system property, writing standard output and error to
     * {@code logFile}. It returns at once, so call {@link #awaitReady(Duration)} before sending requests.
     */
    public static LedgerProcess start(
            String name,
            Path jar,
            Map<String, String> environment,
            Map<String, String> properties,
            int httpPort,
            Path logFile)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing; package the ledger first ('./mvnw -B -o -pl ledger-service verify' does)");
        }
        Files.createDirectories(logFile.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, MAX_HEAP));
        properties.forEach((property, value) -> command.add("-D" + property + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);

        Process process = builder.start();
        URI url = URI.create("http://127.0.0.1:" + httpPort);
        LOG.infof("started ledger %s (pid %d) on %s, log file %s", name, process.pid(), url, logFile);
        return new LedgerProcess(name, process, url, logFile);
    }

    public String name() {
        return name;
    }

    public URI url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code GET /q/health/ready} until it returns 200, and throws when the process exits or the timeout passes.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        URI readiness = url.resolve("/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (!isReady(readiness)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ledger " + name + " exited with code " + process.exitValue()
                        + " while starting; see " + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ledger " + name + " was not ready within " + timeout.toSeconds()
                        + " s (GET " + readiness + " did not return 200); see " + logFile);
            }
            Thread.sleep(READY_POLL_INTERVAL.toMillis());
        }
        LOG.infof("ledger %s is ready on %s", name, url);
    }

    /** Sends SIGTERM and waits for the exit, killing the process when it still runs after 30 seconds. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("ledger %s (pid %d) did not stop within 30 s of SIGTERM; killing it", name, process.pid());
            process.destroyForcibly().waitFor();
        }
        LOG.infof("ledger %s stopped with exit code %d", name, process.exitValue());
    }

    /** Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux) and waits for the exit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        LOG.infof("ledger %s (pid %d) killed", name, process.pid());
    }

    private static boolean isReady(URI readiness) {
        HttpRequest request =
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
