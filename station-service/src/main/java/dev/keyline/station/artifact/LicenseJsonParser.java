package dev.keyline.station.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads WMI {@code SoftwareLicensingProduct} instances posted as JSON, one object or an array of them, as PowerShell's
 * {@code ConvertTo-Json} writes them. Property names are matched without regard to case.
 */
final class LicenseJsonParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A reader that rejects text after the value and a member given twice: either would drop text that the key scan
     * of the written-again JSON then never reads.
     */
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private LicenseJsonParser() {}

    /**
     * Returns the JSON written again with two-space indents and without escapes but the ones JSON needs, or nothing
     * when the text is not one JSON value alone, so that no text after the value is dropped unscanned.
     */
    static Optional<String> rewritten(String text) {
        try {
            JsonNode tree = STRICT.readTree(text);
            return Optional.of(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the keys in the string values and member names of {@code maskedJson}, JSON whose text as written was
     * masked, each with its line. Escapes that the writer puts back, such as {@code \\} or {@code \n}, hide a key
     * from masking the text, so every key found here is one that masking missed. None for text that is not JSON.
     */
    static List<KeyFinding> hiddenKeys(String maskedJson, KeyRedactor redactor) {
        List<KeyFinding> found = new ArrayList<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(maskedJson)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    int line = parser.currentTokenLocation().getLineNr();
                    for (KeyFinding finding : redactor.redact(parser.getText()).findings()) {
                        found.add(new KeyFinding(
                                finding.maskedKey(), finding.partialKey(), finding.fingerprint(), line, 1));
                    }
                }
            }
        } catch (IOException e) {
            // The parse that reads the licenses rejects the same text, and its caller logs the rejection.
            return found;
        }
        return found;
    }

    static LicenseOutput parse(String text) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add("not valid JSON: " + e.getOriginalMessage());
            return new LicenseOutput(LicenseOutput.JSON, List.of(), List.of(), problems);
        }

        List<JsonNode> instances = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(instances::add);
        } else {
            instances.add(root);
        }
        List<LicenseBlock> blocks = new ArrayList<>();
        Set<String> unknownProperties = new LinkedHashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            if (!instance.isObject()) {
                problems.add("item " + i + " is not a JSON object");
                continue;
            }
            blocks.add(block(instance, unknownProperties, problems));
        }
        return new LicenseOutput(LicenseOutput.JSON, List.copyOf(blocks), List.copyOf(unknownProperties), problems);
    }

    private static LicenseBlock block(JsonNode instance, Set<String> unknownProperties, List<String> problems) {
        BlockBuilder builder = new BlockBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> members = instance.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            Optional<LicenseField> field = LicenseField.fromWmiProperty(member.getKey());
            // Values are masked again: a key that escapes hid from masking the text is read here unescaped.
            if (field.isEmpty()) {
                unknownProperties.add(KeyRedactor.maskAll(member.getKey()));
            } else if (!member.getValue().isNull()) {
                builder.put(field.get(), KeyRedactor.maskAll(member.getValue().asText()));
            }
        }
        return builder.build(true, problems);
    }
}
