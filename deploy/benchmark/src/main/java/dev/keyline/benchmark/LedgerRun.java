package dev.keyline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.launcher.AccessTokens;
import dev.keyline.launcher.HttpJson;
import dev.keyline.launcher.KeylineService;
import dev.keyline.launcher.PostgresAddress;
import dev.keyline.launcher.ServiceEnvironment;
import dev.keyline.launcher.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Runs the packaged ledger-service against the benchmark's Kafka and PostgreSQL, and measures its booking. */
final class LedgerRun {

    private static final Logger LOG = Logger.getLogger(LedgerRun.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Instant GRANTED_AT = Instant.parse("2026-10-01T00:00:00Z");
    private static final String FINGERPRINT_SECRET = "benchmark-fingerprint-secret-of-32-characters";

    private final Path jar;
    private final Path workDirectory;
    private final Map<String, String> environment;
    private final int port;
    private final int postgresPort;
    private final AccessTokens tokens = AccessTokens.generate(List.of());
    private final HttpJson http = new HttpJson(Duration.ofSeconds(30));

    LedgerRun(Path jar, Path workDirectory, String bootstrapServers, PostgresAddress postgres, int port) {
        this.jar = jar;
        this.workDirectory = workDirectory;
        this.port = port;
        this.postgresPort = postgres.port();
        this.environment = ServiceEnvironment.build(
                KeylineService.LEDGER, port, bootstrapServers, postgres, tokens, FINGERPRINT_SECRET);
    }

    /**
     * Starts the ledger while the topic is still empty, so that it migrates its database and books nothing, registers
     * the keys and stops it. The ledger books an event of an unregistered key without a key, so keys come first.
     */
    void registerKeys(List<BenchmarkKey> keys, long allotment) throws IOException, InterruptedException {
        ServiceProcess ledger = start("ledger-registration.log", Map.of());
        try {
            for (BenchmarkKey key : keys) {
                ObjectNode body = JsonNodeFactory.instance
                        .objectNode()
                        .put("keyId", key.keyId())
                        .put("productKey", key.productKey())
                        .put("allotment", allotment)
                        .put("grantedAt", GRANTED_AT.toString());
                HttpJson.Response response = http.post(url("/api/v1/keys"), tokens.operatorToken(), body);
                if (response.status() != 201) {
                    throw new IllegalStateException("registering key " + key.keyId() + " returned HTTP "
                            + response.status() + ": " + response.problemDetail());
                }
            }
        } finally {
            ledger.requestStop();
            ledger.awaitStopped(STOP_GRACE);
        }
        LOG.infof("registered %d keys", keys.size());
    }

    /**
     * Starts the ledger on the full topic, with {@code extraEnvironment} added to its environment, and polls its status
     * until it booked {@code expected} events. The warm window starts at the first poll that saw {@code warmUp} events
     * booked.
     */
    BookingResult measure(long expected, long warmUp, Duration timeout, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        ServiceProcess ledger = start("ledger-booking.log", extraEnvironment);
        try {
            Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
            long pid = childPid();
            long postmasterPid = CpuSnapshot.postmasterPid(postgresPort);
            if (postmasterPid < 0) {
                LOG.warnf("no postmaster found for port %d; PostgreSQL's CPU time is not measured", postgresPort);
            }
            CompilerThreads compilers = new CompilerThreads(pid);
            long readyNanos = System.nanoTime();
            Poll first = null;
            Poll warmStart = null;
            Poll last = new Poll(0, readyNanos, null);
            long peakRss = 0;
            long rss = 0;
            Instant deadline = Instant.now().plus(timeout);
            while (last.booked() < expected && Instant.now().isBefore(deadline)) {
                Thread.sleep(POLL_INTERVAL.toMillis());
                last = new Poll(booked(), System.nanoTime(), CpuSnapshot.take(pid, postmasterPid, compilers));
                rss = ProcessMemory.residentKib(pid);
                peakRss = Math.max(peakRss, rss);
                if (first == null && last.booked() > 0) {
                    first = last;
                }
                if (warmStart == null && warmUp > 0 && last.booked() >= warmUp) {
                    warmStart = last;
                }
                LOG.infof("ledger booked %,d of %,d events, RSS %,d KiB", last.booked(), expected, rss);
            }
            Rate fromReady = new Rate(last.booked(), Duration.ofNanos(last.nanos() - readyNanos));
            BookingWindow cold = window(first, last, "no status poll saw a booked event");
            BookingWindow warm = warmUp == 0
                    ? BookingWindow.unmeasured("no warm-up events (--warm-up-events 0)")
                    : window(warmStart, last, String.format("the %,d warm-up events were not all booked", warmUp));
            return new BookingResult(
                    last.booked(), last.booked() >= expected, startup, fromReady, cold, warm, peakRss, rss);
        } finally {
            ledger.requestStop();
            ledger.awaitStopped(STOP_GRACE);
        }
    }

    /** Returns the window from {@code start} to {@code last}, or why there is none. */
    private static BookingWindow window(Poll start, Poll last, String noStartReason) {
        if (start == null) {
            return BookingWindow.unmeasured(noStartReason);
        }
        if (start == last) {
            return BookingWindow.unmeasured(String.format(
                    "only the last status poll was in it (%,d booked); measure more events", last.booked()));
        }
        Rate rate = new Rate(last.booked() - start.booked(), Duration.ofNanos(last.nanos() - start.nanos()));
        CpuSnapshot cpu =
                last.cpu() == null || start.cpu() == null ? null : last.cpu().minus(start.cpu());
        return BookingWindow.measured(start.booked(), rate, cpu);
    }

    /** One status poll: events booked so far, when, and the CPU time used so far. */
    private record Poll(long booked, long nanos, CpuSnapshot cpu) {}

    private ServiceProcess start(String logName, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        Map<String, String> variables = new TreeMap<>(environment);
        variables.putAll(extraEnvironment);
        ServiceProcess ledger = ServiceProcess.start(
                KeylineService.LEDGER, jar, variables, port, workDirectory, workDirectory.resolve(logName));
        ledger.awaitReady(http, READY_TIMEOUT);
        return ledger;
    }

    /** Returns the pid of the ledger's JVM, the child process that runs the jar; ServiceProcess does not expose it. */
    private long childPid() {
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info().commandLine().orElse("").contains(jar.toString()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no child process runs " + jar))
                .pid();
    }

    private long booked() {
        JsonNode status = http.getOk(url("/api/v1/status"), tokens.auditorToken());
        return status.path("lineEventsBooked").asLong();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
