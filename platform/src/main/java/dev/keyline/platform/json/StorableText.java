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
 * Makes request bodies reject a text value that the database cannot store as sent: one with a NUL character
 * ({@code \u0000}), which PostgreSQL rejects with a database error, or with half of a UTF-16 surrogate pair (such as
 * {@code \ud800} alone), which UTF-8 cannot encode and which was stored as {@code ?}. Either gets a 400 that names the
 * field.
 */
@Singleton
public class StorableText implements ObjectMapperCustomizer {

    static final String NUL_MESSAGE = "contains a NUL character (\\u0000), which cannot be stored; remove it";

    static final String SURROGATE_MESSAGE = "contains half of a UTF-16 surrogate pair (such as \\ud800 without its"
            + " low half), which cannot be stored; send the whole character or remove it";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new Text()));
    }

    /** Returns the problem of a text the database cannot store as sent, or null for a storable one. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return NUL_MESSAGE;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return SURROGATE_MESSAGE;
            }
        }
        return null;
    }

    /** Reads a JSON string as Jackson does, then rejects it when the database cannot store it as sent. */
    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String problem = problem(value);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, value, String.class);
            }
            return value;
        }
    }
}
