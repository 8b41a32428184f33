package dev.keyline.station.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private LicenseJsonParser() {}

    /**
     * Returns the JSON written again with two-space indents and without escapes but the ones JSON needs, or nothing
     * when the text is not one JSON value alone, so that no text after the value is dropped unscanned.
     */
    static Optional<String> rewritten(String text) {
        try {
            JsonNode tree = MAPPER.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(text);
            return Optional.of(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static LicenseOutput parse(String text) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
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
            if (field.isEmpty()) {
                unknownProperties.add(member.getKey());
            } else if (!member.getValue().isNull()) {
                builder.put(field.get(), member.getValue().asText());
            }
        }
        return builder.build(true, problems);
    }
}
