package dev.keyline.alert.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server on 127.0.0.1 that records every POST it receives: the alert service's webhook calls under {@code
 * /webhook}, and Alertmanager's notifications under {@code /alertmanager}. It responds with 204, or 503 for calls that
 * {@link #failFirst} selects.
 */
public final class WebhookReceiver {

    private static HttpServer server;
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    private WebhookReceiver() {}

    /** Starts the server unless it runs; returns its base URL, such as {@code http://127.0.0.1:41234}. */
    public static synchronized String start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("could not start the test webhook receiver on 127.0.0.1", e);
            }
            server.createContext("/", WebhookReceiver::handle);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Makes the next {@code count} calls to {@code path} whose body contains {@code marker} fail with 503. */
    public static void failFirst(String path, String marker, int count) {
        FAILURES.put(path + " " + marker, new AtomicInteger(count));
    }

    /** Returns the calls to {@code path} whose body contains {@code marker}, in the order they arrived. */
    public static List<Request> requests(String path, String marker) {
        return REQUESTS.stream()
                .filter(r -> r.path().equals(path) && r.body().contains(marker))
                .toList();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        int status = 204;
        for (Map.Entry<String, AtomicInteger> failure : FAILURES.entrySet()) {
            String[] pathAndMarker = failure.getKey().split(" ", 2);
            boolean selected = path.equals(pathAndMarker[0]) && body.contains(pathAndMarker[1]);
            if (selected && failure.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
                break;
            }
        }
        REQUESTS.add(new Request(path, body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** One call the receiver got, and the status of its response. */
    public record Request(String path, String body, int status) {}
}
