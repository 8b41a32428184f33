package dev.keyline.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * Makes request bodies take text and instants only as JSON strings, and truth values only as {@code true} or
 * {@code false}. Jackson's defaults read the number
 * {@code 12345} as the text "12345" and as the instant 12,345 seconds after 1970, so a scrap reason or a key's grant
 * date could be sent as a number and stored as something the operator never wrote.
 */
@Singleton
public class StrictScalars implements ObjectMapperCustomizer {

    /**
     * Runs after Quarkus's own customizers, which register Jackson's Java time module: a module registered later
     * replaces the instant deserializer this one adds.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        // A number for a truth value, such as "isRegex": 2, would otherwise be read as true.
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new TextInstant()));
    }

    /** Reads an instant from a JSON string as Jackson does, and rejects every other JSON type. */
    static final class TextInstant extends StdScalarDeserializer<Instant> {

        TextInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
