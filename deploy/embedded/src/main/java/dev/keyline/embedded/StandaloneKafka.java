package dev.keyline.embedded;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run as a child JVM from the
 * Kafka jars on this JVM's class path: storage is formatted with {@code kafka.tools.StorageTool}, then
 * {@code kafka.Kafka} serves. The data directory survives a restart, so {@link #stop()} and {@link #start()} model a
 * broker outage.
 */
public final class StandaloneKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StandaloneKafka.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String classPath;
    private Process process;

    /**
     * @param directory where the broker keeps its configuration, data and log file
     * @param port the client port on 127.0.0.1
     * @param controllerPort the KRaft controller port on 127.0.0.1
     */
    public StandaloneKafka(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classPath = System.getProperty("java.class.path");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return directory.resolve("kafka.log");
    }

    /** Formats the storage on first use, starts the broker and waits until it accepts clients. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(directory);
        Path config = writeConfig();
        if (!Files.exists(directory.resolve("data/meta.properties"))) {
            format(config);
        }
        LOG.info(() -> "starting Kafka on " + bootstrapServers() + ", log file " + logFile());
        process = javaProcess("kafka.Kafka", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        waitUntilListening();
        KafkaTopics.createKeylineTopics(bootstrapServers());
        LOG.info(() -> "Kafka is ready on " + bootstrapServers());
    }

    /** Stops the broker gracefully, or kills it after 30 seconds. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
        LOG.info(() -> "Kafka on " + bootstrapServers() + " stopped");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private Path writeConfig() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.setProperty(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.setProperty("log.dirs", directory.resolve("data").toString());
        properties.setProperty("num.partitions", "3");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "true");
        Path config = directory.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "Keyline embedded Kafka broker");
        }
        return config;
    }

    private void format(Path config) throws IOException, InterruptedException {
        String clusterId = Uuid.randomUuid().toString();
        Process formatter = javaProcess(
                        "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(), "--standalone")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
            formatter.destroyForcibly();
            throw new IOException("formatting Kafka storage failed; see " + logFile());
        }
    }

    private ProcessBuilder javaProcess(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private void waitUntilListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka exited with code " + process.exitValue() + "; see " + logFile());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IOException(
                "Kafka did not listen on " + bootstrapServers() + " within " + START_TIMEOUT + "; see " + logFile());
    }
}
