package dev.keyline.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Writes records to the outbox table in the caller's transaction. Call it inside {@code Panache.withTransaction}, so
 * the records commit or roll back together with the change they announce; {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox (topic, record_key, headers, payload)" + " VALUES (?1, ?2, ?3, ?4)";

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
