package dev.keyline.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes records to the outbox table in the caller's transaction: inside {@code Panache.withTransaction}, or on the
 * connection of a transaction the caller runs with the reactive SQL client. The records commit or roll back together
 * with the change they announce, and {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox (topic, record_key, headers, payload)" + " VALUES (?1, ?2, ?3, ?4)";

    /** One statement for many records, each column's values as one array, inserted in list order. */
    private static final String INSERT_MANY = "INSERT INTO outbox (topic, record_key, headers, payload)"
            + " SELECT topic, record_key, headers, payload FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])"
            + " WITH ORDINALITY AS rows (topic, record_key, headers, payload, row_number) ORDER BY row_number";

    private final ObjectMapper mapper = new ObjectMapper();

    public Uni<Void> append(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> Multi.createFrom()
                        .iterable(messages)
                        .onItem()
                        .transformToUniAndConcatenate(message -> session.createNativeQuery(INSERT)
                                .setParameter(1, message.topic())
                                .setParameter(2, message.key())
                                .setParameter(3, headersJson(message))
                                .setParameter(4, message.payload())
                                .executeUpdate())
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    /** Appends the records on {@code connection}, which must be in the caller's transaction. */
    public Uni<Void> append(SqlConnection connection, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = messages.size();
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] headers = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxMessage message = messages.get(i);
            topics[i] = message.topic();
            keys[i] = message.key();
            headers[i] = headersJson(message);
            payloads[i] = message.payload();
        }
        return connection
                .preparedQuery(INSERT_MANY)
                .execute(Tuple.of(topics, keys, headers, payloads))
                .replaceWithVoid();
    }

    public Uni<Void> append(OutboxMessage message) {
        return append(List.of(message));
    }

    private String headersJson(OutboxMessage message) {
        try {
            return mapper.writeValueAsString(message.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox headers are not serializable for topic " + message.topic(), e);
        }
    }
}
