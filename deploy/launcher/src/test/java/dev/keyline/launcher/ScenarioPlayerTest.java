package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plays scenarios against a fake station and ledger API on 127.0.0.1. */
class ScenarioPlayerTest {

    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final ScenarioPlayer.CatchUp NO_CATCH_UP = playedSoFar -> {
        throw new AssertionError("the scenario has no catch-up step, but the player waited");
    };

    private HttpServer server;
    private final AtomicInteger keyPosts = new AtomicInteger();
    private final Map<String, String> authorizationBySerial = new ConcurrentHashMap<>();
    private final List<DeviceRequest> deviceRequests = new CopyOnWriteArrayList<>();
    private URI url;

    @BeforeEach
    void startFakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/keys", exchange -> respond(exchange, keyStatus(), "{\"detail\":\"exists\"}"));
        server.createContext("/api/v1/reports/", this::report);
        server.createContext("/api/v1/devices/", this::deviceRequest);
        server.createContext("/api/v1/answer-file-checks", this::deviceRequest);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopFakeServices() {
        server.stop(0);
    }

    @Test
    void countsAcceptedEventsWithExposures() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add(registerKey("KEY-A"));
        lines.add(registerKey("KEY-B"));
        for (int i = 1; i <= 99; i++) {
            lines.add(report("device-provisioned", "S-" + i, i == 7 ? "slmgr /ipk " + KEY : null));
        }
        lines.add(report("activation-attempted", "REJECT-ME", null));
        Scenario scenario = ScenarioReader.parse(lines, "test.jsonl");
        AccessTokens tokens = AccessTokens.generate(scenario.stationPrincipals());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        PlayResult result = player(tokens, console, NO_CATCH_UP).play(scenario);

        assertThat(result).isEqualTo(new PlayResult(1, 1, 100, 99, 1, 0, 0, 0, 100));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("key KEY-A registered, allotment 5\n")
                .contains("key KEY-B was already registered (exists)\n")
                .contains("reports: 50 sent, 50 accepted, 0 rejected; artifacts: 0 sent, 0 accepted, 0 rejected\n")
                .contains("reports: 100 sent, 99 accepted, 1 rejected; artifacts: 0 sent, 0 accepted, 0 rejected\n")
                .doesNotContain(KEY);
        assertThat(authorizationBySerial.get("S-1"))
                .isEqualTo("Bearer " + tokens.stationToken("line-1/imaging-01").orElseThrow());
        assertThat(authorizationBySerial.get("REJECT-ME"))
                .isEqualTo(
                        "Bearer " + tokens.stationToken("line-1/activation-01").orElseThrow());
    }

    @Test
    void failedKeyRegistrationStopsPlaying() {
        keyPosts.set(10);
        Scenario scenario =
                ScenarioReader.parse(List.of(registerKey("KEY-A"), report("device-provisioned", "S-1", null)), "t");
        AccessTokens tokens = AccessTokens.generate(scenario.stationPrincipals());

        assertThatThrownBy(() ->
                        player(tokens, new ByteArrayOutputStream(), NO_CATCH_UP).play(scenario))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("registering key KEY-A (scenario line 1) failed with HTTP 500");
        assertThat(authorizationBySerial).isEmpty();
    }

    @Test
    void postsStepsAndArtifacts() throws InterruptedException {
        List<String> lines = List.of(
                "{\"kind\":\"step\",\"serial\":\"S-1\",\"report\":{\"step\":\"shipped\","
                        + "\"lineId\":\"line-1\",\"stationId\":\"qa-01\"}}",
                "{\"kind\":\"slmgr-output\",\"serial\":\"S-1\",\"lineId\":\"line-1\","
                        + "\"stationId\":\"activation-01\",\"text\":\"License Status: Licensed\\r\\n\"}",
                "{\"kind\":\"answer-file-check\",\"lineId\":\"line-1\",\"stationId\":\"qa-01\","
                        + "\"path\":\"unattend.xml\",\"xml\":\"<unattend/>\"}",
                "{\"kind\":\"event-log\",\"serial\":\"REJECT-ME\",\"lineId\":\"line-1\","
                        + "\"stationId\":\"activation-01\",\"xml\":\"<Event/>\"}");
        Scenario scenario = ScenarioReader.parse(lines, "test.jsonl");
        AccessTokens tokens = AccessTokens.generate(scenario.stationPrincipals());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        PlayResult result = player(tokens, console, NO_CATCH_UP).play(scenario);

        // The step names 1 event, the slmgr output 2 (a success and a license report), the check 1 exposure.
        assertThat(result).isEqualTo(new PlayResult(0, 0, 1, 1, 0, 3, 2, 1, 4));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("reports: 1 sent, 1 accepted, 0 rejected; artifacts: 3 sent, 2 accepted, 1 rejected\n");
        String qaToken = "Bearer " + tokens.stationToken("line-1/qa-01").orElseThrow();
        String activationToken =
                "Bearer " + tokens.stationToken("line-1/activation-01").orElseThrow();
        assertThat(deviceRequests)
                .containsExactly(
                        new DeviceRequest(
                                "/api/v1/devices/S-1/steps",
                                "application/json",
                                qaToken,
                                "{\"step\":\"shipped\",\"lineId\":\"line-1\",\"stationId\":\"qa-01\"}"),
                        new DeviceRequest(
                                "/api/v1/devices/S-1/artifacts/slmgr",
                                "text/plain; charset=UTF-8",
                                activationToken,
                                "License Status: Licensed\r\n"),
                        new DeviceRequest(
                                "/api/v1/answer-file-checks?path=unattend.xml",
                                "application/xml; charset=UTF-8",
                                qaToken,
                                "<unattend/>"),
                        new DeviceRequest(
                                "/api/v1/devices/REJECT-ME/artifacts/event-log",
                                "application/xml; charset=UTF-8",
                                activationToken,
                                "<Event/>"));
    }

    @Test
    void catchUpWaitsWithTheCountsSoFar() throws InterruptedException {
        List<String> lines = List.of(
                registerKey("KEY-A"),
                report("device-provisioned", "S-1", "slmgr /ipk " + KEY),
                report("device-provisioned", "S-2", null),
                "{\"kind\":\"catch-up\"}",
                report("activation-attempted", "S-1", null));
        Scenario scenario = ScenarioReader.parse(lines, "test.jsonl");
        AccessTokens tokens = AccessTokens.generate(scenario.stationPrincipals());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<PlayResult> waits = new ArrayList<>();
        List<Integer> reportsBeforeWait = new ArrayList<>();

        PlayResult result = player(tokens, console, playedSoFar -> {
                    waits.add(playedSoFar);
                    reportsBeforeWait.add(authorizationBySerial.size());
                })
                .play(scenario);

        // Before the wait: two provisioning reports, 3 events with the exposure in the notes; the activation after.
        assertThat(waits).containsExactly(new PlayResult(1, 0, 2, 2, 0, 0, 0, 0, 3));
        assertThat(reportsBeforeWait).containsExactly(2);
        assertThat(result).isEqualTo(new PlayResult(1, 0, 3, 3, 0, 0, 0, 0, 4));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("scenario line 4: waiting until the ledger and alert services have processed these events\n")
                .contains("caught up; playing on\n");
    }

    @Test
    void unknownKindNamesCatchUp() {
        assertThatThrownBy(() -> ScenarioReader.parse(List.of("{\"kind\":\"pause\"}"), "test.jsonl"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown kind 'pause': expected register-key, catch-up, device-provisioned");
    }

    private ScenarioPlayer player(AccessTokens tokens, ByteArrayOutputStream console, ScenarioPlayer.CatchUp catchUp) {
        return new ScenarioPlayer(api(tokens), new PrintStream(console, true, StandardCharsets.UTF_8), catchUp);
    }

    private KeylineApi api(AccessTokens tokens) {
        return new KeylineApi(new HttpJson(Duration.ofSeconds(10)), url, url, url, tokens);
    }

    /** Returns 201 for the first key, 409 for the second and 500 after that. */
    private int keyStatus() {
        return switch (keyPosts.getAndIncrement()) {
            case 0 -> 201;
            case 1 -> 409;
            default -> 500;
        };
    }

    private void report(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String serial = body.replaceAll(".*\"serial\":\"([^\"]+)\".*", "$1");
        authorizationBySerial.put(serial, exchange.getRequestHeaders().getFirst("Authorization"));
        if (serial.equals("REJECT-ME")) {
            respond(exchange, 400, "{\"title\":\"Bad request\",\"detail\":\"invalid result " + KEY + "\"}");
        } else if (body.contains("notes")) {
            respond(exchange, 202, "{\"eventId\":\"e\",\"exposures\":[{\"maskedKey\":\"m\",\"location\":\"/notes\"}]}");
        } else {
            respond(exchange, 202, "{\"eventId\":\"e\",\"exposures\":[]}");
        }
    }

    /** One request to a device or answer-file-check endpoint, as the fake station received it. */
    private record DeviceRequest(String pathAndQuery, String contentType, String authorization, String body) {}

    /** Records the request and responds as the station-service does for steps and artifacts. */
    private void deviceRequest(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery());
        deviceRequests.add(new DeviceRequest(
                pathAndQuery,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body));

        if (pathAndQuery.contains("REJECT-ME")) {
            respond(exchange, 400, "{\"title\":\"Unreadable artifact\"}");
        } else if (pathAndQuery.endsWith("/steps")) {
            respond(exchange, 202, "{\"eventId\":\"step-1\",\"exposures\":[],\"device\":{\"serial\":\"S-1\"}}");
        } else if (pathAndQuery.contains("/slmgr")) {
            respond(
                    exchange,
                    202,
                    "{\"format\":\"slmgr\",\"events\":[{\"eventId\":\"license-1\"},{\"eventId\":\"success-1\"}],"
                            + "\"exposures\":[]}");
        } else {
            respond(
                    exchange,
                    202,
                    "{\"findings\":[{\"maskedKey\":\"m\",\"exposureEventId\":\"exposure-1\"}],"
                            + "\"deviceFindings\":[{\"exposureEventId\":\"earlier-1\"}]}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String registerKey(String keyId) {
        return "{\"kind\":\"register-key\",\"keyId\":\"" + keyId + "\",\"productKey\":\"" + KEY + "\",\"allotment\":5}";
    }

    private static String report(String kind, String serial, String notes) {
        String stationId = kind.equals("device-provisioned") ? "imaging-01" : "activation-01";
        String notesField = notes == null ? "" : ",\"notes\":\"" + notes + "\"";
        return "{\"kind\":\"" + kind + "\",\"report\":{\"serial\":\"" + serial + "\",\"lineId\":\"line-1\","
                + "\"stationId\":\"" + stationId + "\"" + notesField + "}}";
    }
}
