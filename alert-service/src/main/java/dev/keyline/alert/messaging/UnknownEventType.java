package dev.keyline.alert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.EventJson;
import dev.keyline.schemas.EventType;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Recognises a record that is a valid CloudEvents envelope of a Keyline event type this version does not know, such
 * as a type a newer producer added. Such an event is ignored rather than dead-lettered; its data cannot be checked
 * without its schema. Thread-safe.
 */
@Singleton
public class UnknownEventType {

    private final EventCodec codec;

    public UnknownEventType(EventCodec codec) {
        this.codec = codec;
    }

    /** Returns the event's id, type and time when the record is a valid envelope of an unknown type, else empty. */
    public Optional<Envelope> detect(String value) {
        if (value == null) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !codec.isValidEnvelope(root)) {
            return Optional.empty();
        }
        String type = root.get("type").asText();
        if (EventType.fromType(type).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                new Envelope(root.get("id").asText(), type, root.get("time").asText()));
    }

    /** The id, type and time attributes of an event, as written in the record. */
    public record Envelope(String id, String type, String time) {}
}
