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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plays scenarios against a fake station and ledger API on 127.0.0.1. */
class ScenarioPlayerTest {

    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";

    private HttpServer server;
    private final AtomicInteger keyPosts = new AtomicInteger();
    private final Map<String, String> authorizationBySerial = new ConcurrentHashMap<>();
    private URI url;

    @BeforeEach
    void startFakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/keys", exchange -> respond(exchange, keyStatus(), "{\"detail\":\"exists\"}"));
        server.createContext("/api/v1/reports/", this::report);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopFakeServices() {
        server.stop(0);
    }

    @Test
    void countsAcceptedEventsWithExposures() {
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

        PlayResult result =
                new ScenarioPlayer(api(tokens), new PrintStream(console, true, StandardCharsets.UTF_8)).play(scenario);

        assertThat(result).isEqualTo(new PlayResult(1, 1, 100, 99, 1, 100));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("key KEY-A registered, allotment 5\n")
                .contains("key KEY-B was already registered (exists)\n")
                .contains("reports: 50 sent, 50 accepted, 0 rejected\n")
                .contains("reports: 100 sent, 99 accepted, 1 rejected\n")
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
                        new ScenarioPlayer(api(tokens), new PrintStream(new ByteArrayOutputStream())).play(scenario))
                .isInstanceOf(ServiceCallException.class)
                .hasMessageContaining("registering key KEY-A (scenario line 1) failed with HTTP 500");
        assertThat(authorizationBySerial).isEmpty();
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
