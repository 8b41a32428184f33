package dev.keyline.station.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.station.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A body over {@code quarkus.http.limits.max-body-size} (10,240 KiB by default) gets a 413 problem. */
@QuarkusTest
class BodySizeLimitTest {

    private static final long LIMIT = 10_240L * 1024;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    @TestHTTPResource("/api/v1/reports/bulk")
    URI bulk;

    @Test
    void oversizedBodyGetsProblem() throws IOException {
        // The service responds to the headers alone, so the request announces a body that it never sends.
        String response = headersOnly(bulk, LIMIT + 1);

        String[] parts = response.split("\r\n\r\n", 2);
        assertThat(parts[0]).startsWith("HTTP/1.1 413 ").containsIgnoringCase("content-type: application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(parts[1]);
        assertThat(problem.path("type").asText()).isEqualTo("https://keyline.dev/problems/body-too-large");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request body has 10485761 bytes, over the limit of 10485760 bytes");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Content-Length");
        assertThat(problem.path("errors").get(0).path("message").asText())
                .isEqualTo("must be at most 10485760, got 10485761");
    }

    @Test
    void bodyAtLimitPassesCheck() throws IOException {
        // A body of exactly the limit reaches the endpoint, which reads it and rejects its NUL bytes.
        try (Socket socket = new Socket(bulk.getHost(), bulk.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head(bulk, LIMIT).getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < LIMIT; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, LIMIT - sent));
            }
            out.flush();

            String response = read(socket.getInputStream());

            assertThat(response)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("contains a NUL character on line 1, as UTF-16 text without its byte-order mark does");
        }
    }

    private static String headersOnly(URI uri, long contentLength) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head(uri, contentLength).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static String head(URI uri, long contentLength) {
        return "POST " + uri.getPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Authorization: Bearer " + Tokens.IMAGING_STATION + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "Connection: close\r\n\r\n";
    }

    /** Reads one response: its headers, then the body bytes its Content-Length names, because the socket stays open. */
    private static String read(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
