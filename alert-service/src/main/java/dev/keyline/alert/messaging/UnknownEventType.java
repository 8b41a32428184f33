package dev.keyline.alert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.keyline.schemas.EventJson;
import dev.keyline.schemas.EventType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Recognises a record that is a valid CloudEvents envelope of a Keyline event type this version does not know, such
 * as a type a newer producer added. Such an event is ignored rather than dead-lettered; its data cannot be checked
 * without its schema. Thread-safe.
 */
@Singleton
public class UnknownEventType {

    private static final String ENVELOPE_SCHEMA = "/keyline/schemas/cloudevent-envelope.json";

    private final JsonSchema envelope;

    public UnknownEventType() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = EventType.class.getResourceAsStream(ENVELOPE_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the classpath: " + ENVELOPE_SCHEMA);
            }
            envelope = factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + ENVELOPE_SCHEMA, e);
        }
    }

    /** Returns the event's id and type when the record is a valid envelope of an unknown type, else empty. */
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
        if (root == null || !root.isObject() || !envelope.validate(root).isEmpty()) {
            return Optional.empty();
        }
        String type = root.get("type").asText();
        if (EventType.fromType(type).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Envelope(root.get("id").asText(), type));
    }

    /** The id and type attributes of an event. */
    public record Envelope(String id, String type) {}
}
