package dev.keyline.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks before a start that the ports the local stack binds on 127.0.0.1 are free. A launcher killed with SIGKILL
 * cannot stop its children, so its Kafka, PostgreSQL and services keep running. Without this check, the next start
 * would talk to them and fail with an unrelated error.
 */
final class PortCheck {

    private PortCheck() {}

    /** Returns each port the stack started with {@code settings} binds, with what binds it and how to change it. */
    static Map<Integer, String> portsToBind(StackSettings settings) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (settings.externalKafka().isEmpty()) {
            ports.put(settings.kafkaPort(), "Kafka (KEYLINE_KAFKA_PORT)");
            ports.put(settings.kafkaControllerPort(), "the Kafka controller (KEYLINE_KAFKA_CONTROLLER_PORT)");
        }
        if (settings.externalPostgresHost().isEmpty()) {
            ports.put(settings.postgresPort(), "PostgreSQL (KEYLINE_PG_PORT)");
        }
        for (KeylineService service : KeylineService.values()) {
            ports.put(settings.servicePort(service), service.moduleName() + " (" + service.portVariable() + ")");
        }
        return ports;
    }

    /** Throws {@link IllegalStateException} naming the first port that something else already listens on. */
    static void requireFree(Map<Integer, String> ports) {
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            if (!isFree(port.getKey())) {
                throw new IllegalStateException("port " + port.getKey() + " for " + port.getValue()
                        + " is already in use on 127.0.0.1. A bin/keyline run killed with SIGKILL leaves its Kafka,"
                        + " PostgreSQL and services running: find them with \"ss -ltnp 'sport = :" + port.getKey()
                        + "'\" and stop them, or set the variable to a free port");
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
