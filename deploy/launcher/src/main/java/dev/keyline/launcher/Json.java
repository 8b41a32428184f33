package dev.keyline.launcher;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads required fields of service responses, failing with the field's name when one is missing. */
final class Json {

    private Json() {}

    static long requiredLong(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new ServiceCallException(what + " has no whole-number field \"" + field + "\": " + node);
        }
        return value.asLong();
    }

    static String requiredText(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ServiceCallException(what + " has no text field \"" + field + "\": " + node);
        }
        return value.asText();
    }
}
