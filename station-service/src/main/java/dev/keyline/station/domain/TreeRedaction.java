package dev.keyline.station.domain;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import dev.keyline.schemas.keys.RedactedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks every full product key in the member names and text values of a JSON tree. A key in a member name is reported
 * at the pointer of the masked name. Numbers, booleans and null cannot spell a 5x5 key.
 *
 * <p>The values of the id members ({@link #ID_MEMBERS}) are short ids that a key has no place in. So in them a key in
 * any spelling that {@link ProductKeys#hidesKey} finds is masked too, such as {@code tstaa.bbbbb...} sent as a serial.
 * Free text is not read this way, because removing its separators would join unrelated words.
 */
public final class TreeRedaction {

    /** The members whose values are ids: a device serial, line, station, key id or partial key. */
    static final Set<String> ID_MEMBERS = Set.of("serial", "lineId", "stationId", "keyId", "partialKey");

    private TreeRedaction() {}

    /** Returns a redacted copy of {@code tree}, leaving the input unchanged. */
    public static RedactedTree redact(JsonNode tree, KeyRedactor redactor) {
        List<KeyExposure> exposures = new ArrayList<>();
        JsonNode redacted = redactNode(tree, JsonPointer.empty(), redactor, exposures);
        return new RedactedTree(redacted, List.copyOf(exposures));
    }

    private static JsonNode redactNode(
            JsonNode node, JsonPointer pointer, KeyRedactor redactor, List<KeyExposure> exposures) {
        if (node.isTextual()) {
            return redactText(node, pointer, redactor, exposures);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                RedactedText name = redactor.redact(member.getKey());
                JsonPointer memberPointer = pointer.appendProperty(name.text());
                for (KeyFinding finding : name.findings()) {
                    exposures.add(new KeyExposure(memberPointer.toString(), finding));
                }
                JsonNode value = member.getValue();
                copy.set(
                        name.text(),
                        ID_MEMBERS.contains(name.text()) && value.isTextual()
                                ? redactId(value, memberPointer, redactor, exposures)
                                : redactNode(value, memberPointer, redactor, exposures));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                copy.add(redactNode(node.get(i), pointer.appendIndex(i), redactor, exposures));
            }
            return copy;
        }
        return node;
    }

    private static JsonNode redactId(
            JsonNode node, JsonPointer pointer, KeyRedactor redactor, List<KeyExposure> exposures) {
        JsonNode redacted = redactText(node, pointer, redactor, exposures);
        if (redacted != node || !ProductKeys.hidesKey(node.textValue())) {
            return redacted;
        }
        List<KeyFinding> findings = ProductKeys.hiddenKeys(node.textValue()).stream()
                .flatMap(key -> redactor.redact(key).findings().stream())
                .toList();
        if (findings.isEmpty()) {
            return node;
        }
        for (KeyFinding finding : findings) {
            exposures.add(new KeyExposure(pointer.toString(), finding));
        }
        return TextNode.valueOf(findings.get(0).maskedKey());
    }

    private static JsonNode redactText(
            JsonNode node, JsonPointer pointer, KeyRedactor redactor, List<KeyExposure> exposures) {
        RedactedText redacted = redactor.redact(node.textValue());
        if (!redacted.hadKeys()) {
            return node;
        }
        for (KeyFinding finding : redacted.findings()) {
            exposures.add(new KeyExposure(pointer.toString(), finding));
        }
        return TextNode.valueOf(redacted.text());
    }
}
