package dev.keyline.station.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keyline.schemas.EventJson;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.List;

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
            return new ParsedBody.Readable(TreeRedaction.redact(tree, redactor));
        } catch (JsonProcessingException e) {
            return new ParsedBody.Unreadable(reason(e), rawExposures(body, redactor));
        }
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
