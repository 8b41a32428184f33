package dev.keyline.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Makes request bodies reject a text value with a NUL character ({@code \u0000}). PostgreSQL cannot store one in a
 * text column, so the request would fail later with a database error instead of a 400 that names the field.
 */
@Singleton
public class NoNulCharacters implements ObjectMapperCustomizer {

    static final String MESSAGE = "contains a NUL character (\\u0000), which cannot be stored; remove it";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-nul-characters").addDeserializer(String.class, new Text()));
    }

    /** Reads a JSON string as Jackson does, then rejects it when it has a NUL character. */
    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
