package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void defaultStackBindsSixPorts() {
        Map<Integer, String> ports = PortCheck.portsToBind(StackSettings.fromEnvironment(Map.of()));

        assertThat(ports.keySet()).containsExactly(19092, 19093, 15432, 8081, 8082, 8083);
        assertThat(ports.get(8082)).isEqualTo("ledger-service (KEYLINE_LEDGER_PORT)");
    }

    @Test
    void externalServersSkipTheirPorts() {
        Map<Integer, String> ports = PortCheck.portsToBind(StackSettings.fromEnvironment(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "KEYLINE_PG_HOST", "127.0.0.1")));

        assertThat(ports.keySet()).containsExactly(8081, 8082, 8083);
    }

    @Test
    void takenPortNamedWithRemedy() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Map<Integer, String> ports = new LinkedHashMap<>();
            ports.put(port, "ledger-service (KEYLINE_LEDGER_PORT)");

            assertThatThrownBy(() -> PortCheck.requireFree(ports))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "port " + port + " for ledger-service (KEYLINE_LEDGER_PORT) is already in use")
                    .hasMessageContaining("ss -ltnp 'sport = :" + port + "'");
        }
    }

    @Test
    void freePortPasses() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThatCode(() -> PortCheck.requireFree(Map.of(port, "a service"))).doesNotThrowAnyException();
    }
}
