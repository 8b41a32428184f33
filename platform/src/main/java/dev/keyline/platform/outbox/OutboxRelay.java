package dev.keyline.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in order, with an idempotent producer, and marks them sent. A row is marked only
 * after the broker acknowledged it, so delivery is at least once; consumers drop repeats by event id. While Kafka is
 * down rows wait in the table and the relay tries again each round. When the broker comes back in the middle of a
 * round, a row can be published after a later row of the same round, so consumers must cope with a late event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_UNSENT = "SELECT seq, topic, record_key, headers, payload"
            + " FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1";
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE seq = ANY($1)";
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final ObjectMapper mapper = new ObjectMapper();

    private KafkaProducer<String, String> producer;
    private Instant lastWarning = Instant.MIN;
    private boolean failing;
    private volatile boolean stopping;

    public OutboxRelay(
            Pool pool, OutboxConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(
            identity = "outbox-relay",
            every = "${keyline.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        if (stopping) {
            return;
        }
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            if (!stopping) {
                warn("outbox relay round failed: " + e.getMessage(), e);
            }
        }
    }

    /** Publishes up to one batch of unsent rows; returns how many were acknowledged by the broker. */
    synchronized int relayBatch() {
        RowSet<Row> rows = pool.preparedQuery(SELECT_UNSENT)
                .execute(Tuple.of(config.batchSize()))
                .await()
                .atMost(DATABASE_TIMEOUT);
        if (rows.size() == 0) {
            return 0;
        }

        // Stop sending once a send has failed, so rows behind a failure wait for the next round in order.
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        List<Long> sequences = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Row row : rows) {
            if (firstFailure.get() != null) {
                break;
            }
            sequences.add(row.getLong("seq"));
            sends.add(producer().send(toRecord(row), (metadata, exception) -> {
                if (exception != null) {
                    firstFailure.compareAndSet(null, exception);
                }
            }));
        }

        // Mark every acknowledged row, even one behind a failure: a row the broker has is never sent twice.
        List<Long> acknowledged = new ArrayList<>();
        int unacknowledged = 0;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(sequences.get(i));
            } catch (ExecutionException | TimeoutException e) {
                unacknowledged++;
                firstFailure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (firstFailure.get() != null) {
            warn(
                    "Kafka at " + bootstrapServers + " did not acknowledge " + (rows.size() - acknowledged.size())
                            + " of " + rows.size() + " outbox rows (" + unacknowledged + " sends failed); they wait"
                            + " for the next round: " + firstFailure.get().getMessage(),
                    null);
        }

        if (!acknowledged.isEmpty()) {
            pool.preparedQuery(MARK_SENT)
                    .execute(Tuple.of(acknowledged.toArray(new Long[0])))
                    .await()
                    .atMost(DATABASE_TIMEOUT);
            if (failing && acknowledged.size() == sequences.size()) {
                failing = false;
                LOG.infof("outbox relay reached Kafka at %s again", bootstrapServers);
            }
            LOG.debugf(
                    "outbox relay published %d rows, up to seq %d",
                    acknowledged.size(), acknowledged.get(acknowledged.size() - 1));
        }
        return acknowledged.size();
    }

    void close(@Observes ShutdownEvent event) {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(row.getString("topic"), row.getString("record_key"), row.getString("payload"));
        for (Map.Entry<String, String> header : headers(row).entrySet()) {
            record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private Map<String, String> headers(Row row) {
        try {
            return mapper.readValue(row.getString("headers"), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            // A row must never block the ones behind it, so it is sent without headers and the error is logged.
            LOG.errorf("outbox row %d has unreadable headers; sending it without headers", row.getLong("seq"));
            return Map.of();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            properties.put(
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    String.valueOf(config.sendTimeout().toMillis()));
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "keyline-outbox-relay");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void warn(String message, Throwable cause) {
        failing = true;
        Instant now = Instant.now();
        if (Duration.between(lastWarning, now).compareTo(config.warningInterval()) >= 0) {
            lastWarning = now;
            LOG.warn(message, cause);
        }
    }
}
