package dev.keyline.station.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keyline.schemas.EventJson;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.List;
import java.util.Map;

/**
 * Parses a request body into a JSON tree and masks the product keys in it. Duplicate member names are rejected,
 * because with "last one wins" a key in the first value would vanish without an exposure event.
 */
public final class BodyParser {

    private static final ObjectReader READER =
            EventJson.mapper().reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private BodyParser() {}

    public static ParsedBody parse(String body, KeyRedactor redactor) {
        if (body == null || body.isBlank()) {
            return new ParsedBody.Unreadable("the request body is empty", List.of());
        }
        try {
            JsonNode tree = READER.readTree(body);
            RedactedTree redacted = TreeRedaction.redact(tree, redactor);
            String nul = nulPointer(redacted.tree(), "");
            if (nul != null) {
                // PostgreSQL cannot store a NUL character in text, so the report could never be booked.
                return new ParsedBody.Unreadable(
                        "the value at " + nul + " contains a NUL character (\\u0000), which cannot be stored;"
                                + " remove it",
                        redacted.exposures());
            }
            return new ParsedBody.Readable(redacted);
        } catch (JsonProcessingException e) {
            return new ParsedBody.Unreadable(reason(e), rawExposures(body, redactor));
        }
    }

    /** Returns the JSON pointer of the first member name or text value with a NUL character, or null. */
    private static String nulPointer(JsonNode node, String pointer) {
        if (node.isTextual()) {
            if (node.textValue().indexOf('\u0000') < 0) {
                return null;
            }
            return pointer.isEmpty() ? "/" : pointer;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child =
                        pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                if (member.getKey().indexOf('\u0000') >= 0) {
                    return child;
                }
                String found = nulPointer(member.getValue(), child);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulPointer(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String reason(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return KeyRedactor.maskAll("not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    private static List<KeyExposure> rawExposures(String body, KeyRedactor redactor) {
        return redactor.redact(body).findings().stream()
                .map(finding -> new KeyExposure(rawLocation(finding), finding))
                .toList();
    }

    private static String rawLocation(KeyFinding finding) {
        return "line " + finding.line() + ", column " + finding.column();
    }
}
