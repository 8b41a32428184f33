package dev.keyline.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** One service running from its Quarkus jar in a child JVM, with its output in a log file. */
public final class ServiceProcess {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    private static final String MAX_HEAP = "-Xmx512m";
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(500);

    private final KeylineService service;
    private final Process process;
    private final URI url;
    private final Path logFile;

    private ServiceProcess(KeylineService service, Process process, URI url, Path logFile) {
        this.service = service;
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java -jar jar} with the given environment added to this JVM's, in {@code workingDirectory}, writing
     * standard output and error to {@code logFile} (replacing an older log).
     */
    public static ServiceProcess start(
            KeylineService service,
            Path jar,
            Map<String, String> environment,
            int httpPort,
            Path workingDirectory,
            Path logFile)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new ServiceStartException(service.moduleName() + " is not built: " + jar
                    + " is missing; run './mvnw -B -DskipTests install' in the repository");
        }
        Files.createDirectories(logFile.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, MAX_HEAP, "-jar", jar.toString()))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);

        Process process = builder.start();
        URI url = URI.create("http://127.0.0.1:" + httpPort);
        LOG.infof("started %s (pid %d) on %s, log file %s", service.moduleName(), process.pid(), url, logFile);
        return new ServiceProcess(service, process, url, logFile);
    }

    public KeylineService service() {
        return service;
    }

    public URI url() {
        return url;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Polls {@code GET /q/health/ready} until it returns 200.
     *
     * @throws ServiceStartException when the process exits first or {@code timeout} passes
     */
    public void awaitReady(HttpJson http, Duration timeout) throws InterruptedException {
        URI readiness = url.resolve("/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(service.moduleName() + " exited with code " + process.exitValue()
                        + " while starting; see " + logFile);
            }
            if (isReady(http, readiness)) {
                LOG.infof("%s is ready on %s", service.moduleName(), url);
                return;
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new ServiceStartException(service.moduleName() + " was not ready within " + timeout.toSeconds()
                        + " s (GET " + readiness + " did not return 200); see " + logFile);
            }
            Thread.sleep(READY_POLL_INTERVAL.toMillis());
        }
    }

    /** Sends SIGTERM; {@link #awaitStopped} waits for the exit. */
    public void requestStop() {
        if (process.isAlive()) {
            LOG.debugf("stopping %s (pid %d)", service.moduleName(), process.pid());
            process.destroy();
        }
    }

    /** Waits for the process to exit after {@link #requestStop()}, and kills it when {@code grace} passes first. */
    public void awaitStopped(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf(
                    "%s (pid %d) did not stop within %d s of SIGTERM; killing it",
                    service.moduleName(), process.pid(), grace.toSeconds());
            process.destroyForcibly().waitFor();
        }
        LOG.infof("%s stopped", service.moduleName());
    }

    private static boolean isReady(HttpJson http, URI readiness) {
        try {
            return http.get(readiness, null).status() == 200;
        } catch (ServiceCallException notListeningYet) {
            return false;
        }
    }
}
