package dev.keyline.station.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keyline.platform.problem.ProblemMappers;
import dev.keyline.schemas.EventJson;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Parses a request body into a JSON tree and masks the product keys in it. Duplicate member names are rejected,
 * because with "last one wins" a key in the first value would vanish without an exposure event.
 */
public final class BodyParser {

    /** Rejects a member given twice, and anything after the body's value, such as a second report in one body. */
    private static final ObjectReader READER = EventJson.mapper()
            .reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BodyParser() {}

    public static ParsedBody parse(String body, KeyRedactor redactor) {
        if (body == null || body.isBlank()) {
            return new ParsedBody.Unreadable("the request body is empty", List.of());
        }
        // A UTF-8 byte-order mark, as Windows PowerShell 5.1 writes with Set-Content -Encoding UTF8, is not JSON.
        String json = body.startsWith("\uFEFF") ? body.substring(1) : body;
        try {
            JsonNode tree = READER.readTree(json);
            RedactedTree redacted = TreeRedaction.redact(tree, redactor);
            String nul = pointerTo(redacted.tree(), "", text -> text.indexOf('\u0000') >= 0);
            if (nul != null) {
                // PostgreSQL cannot store a NUL character in text, so the report could never be booked.
                return new ParsedBody.Unreadable(
                        "the value at " + nul + " contains a NUL character (\\u0000), which cannot be stored;"
                                + " remove it",
                        redacted.exposures());
            }
            String surrogate = pointerTo(redacted.tree(), "", BodyParser::hasUnpairedSurrogate);
            if (surrogate != null) {
                // UTF-8 has no form for half of a pair, so it would be stored as '?'.
                return new ParsedBody.Unreadable(
                        "the value at " + surrogate + " contains half of a UTF-16 surrogate pair (such as \\ud800"
                                + " alone), which cannot be stored; send both halves of the character or remove it",
                        redacted.exposures());
            }
            return new ParsedBody.Readable(redacted);
        } catch (JsonProcessingException e) {
            return new ParsedBody.Unreadable(reason(e), rawExposures(body, redactor));
        }
    }

    /** Returns the JSON pointer of the first member name or text value that {@code bad} accepts, or null. */
    private static String pointerTo(JsonNode node, String pointer, Predicate<String> bad) {
        if (node.isTextual()) {
            if (!bad.test(node.textValue())) {
                return null;
            }
            return pointer.isEmpty() ? "/" : pointer;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child =
                        pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                if (bad.test(member.getKey())) {
                    return child;
                }
                String found = pointerTo(member.getValue(), child, bad);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = pointerTo(node.get(i), pointer + "/" + i, bad);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Returns true when the text has a high surrogate without its low one, or a low one alone. */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return KeyRedactor.maskAll("not valid JSON" + where + ": " + ProblemMappers.readable(e.getOriginalMessage()));
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
