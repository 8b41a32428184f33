package dev.keyline.station.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged station service ({@code target/quarkus-app/quarkus-run.jar}) running as a child process. */
final class StationProcess {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI url;
    private final Path logFile;

    private StationProcess(Process process, URI url, Path logFile) {
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /** Starts the jar with {@code environment} added to this JVM's, writing its output to {@code logFile}. */
    static StationProcess start(Map<String, String> environment, int port, Path logFile) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the package phase first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", JAR.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return new StationProcess(builder.start(), URI.create("http://127.0.0.1:" + port), logFile);
    }

    URI url() {
        return url;
    }

    /** Polls {@code /q/health/live} until it returns 200; fails when the process exits or the timeout passes. */
    void awaitLive(HttpClient http) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/q/health/live"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "station service exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The HTTP port opens late in startup; try again.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("station service was not live within " + READY_TIMEOUT + "; see " + logFile);
    }

    /** Kills the process with SIGKILL, so it cannot finish any work, and waits for it to exit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("station service did not exit after SIGKILL");
        }
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
