package dev.keyline.alert.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.alert.domain.LabelMatcher;
import java.util.List;

/**
 * Converts silence matchers to and from the JSON stored in {@code silences.matchers}: an object whose
 * {@code matchers} member is the array, because Hibernate Reactive binds a JSON column as a JSON object.
 */
public final class SilenceMatchers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SilenceMatchers() {}

    public static String toJson(List<LabelMatcher> matchers) {
        List<StoredMatcher> stored = matchers.stream()
                .map(m -> new StoredMatcher(m.name(), m.value(), m.regex(), m.equal()))
                .toList();
        try {
            return MAPPER.writeValueAsString(new StoredMatchers(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write silence matchers as JSON", e);
        }
    }

    public static List<LabelMatcher> fromJson(String json) {
        try {
            return MAPPER.readValue(json, StoredMatchers.class).matchers().stream()
                    .map(m -> new LabelMatcher(m.name(), m.value(), m.isRegex(), m.isEqual()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a row of the silences table contains matchers that are not valid JSON; fix or delete the row", e);
        }
    }

    /** The stored object. */
    record StoredMatchers(List<StoredMatcher> matchers) {}

    /** One matcher as stored, with Alertmanager's member names. */
    record StoredMatcher(String name, String value, boolean isRegex, boolean isEqual) {}
}
