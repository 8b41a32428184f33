package dev.keyline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Tells whether a JSON value is valid against one of Keyline's JSON Schemas, without messages and at a fraction of
 * the general validator's cost. It supports the keywords these schemas use: {@code type} (object, string or boolean),
 * {@code required}, {@code properties}, {@code additionalProperties: false}, {@code pattern}, {@code minLength},
 * {@code maxLength}, {@code enum} and {@code const} of strings, and {@code anyOf}; annotations are ignored. It reads
 * them as the general validator does, given {@link SchemaPattern#FACTORY}: a pattern is read as ECMA-262 reads it, and
 * lengths count code points. A schema with any other keyword does not compile, so {@link EventCodec} keeps the general
 * validator for it.
 */
final class SchemaCheck {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description");

    private SchemaCheck() {}

    /** Compiles a schema into a check, or returns empty when the schema uses a keyword this class does not support. */
    static Optional<Predicate<JsonNode>> compile(JsonNode schema) {
        if (!schema.isObject()) {
            return Optional.empty();
        }
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> keywords = schema.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            if (ANNOTATIONS.contains(keyword.getKey())) {
                continue;
            }
            Optional<Predicate<JsonNode>> check = keyword(keyword.getKey(), keyword.getValue(), schema);
            if (check.isEmpty()) {
                return Optional.empty();
            }
            checks.add(check.get());
        }
        Predicate<JsonNode>[] all = checks.toArray(Predicate[]::new);
        return Optional.of(node -> {
            for (Predicate<JsonNode> check : all) {
                if (!check.test(node)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Predicate<JsonNode>> keyword(String name, JsonNode value, JsonNode schema) {
        return switch (name) {
            case "type" -> type(value);
            case "required" -> required(value);
            case "properties" -> properties(value);
            case "additionalProperties" -> additionalProperties(value, schema.get("properties"));
            case "pattern" -> pattern(value);
            case "minLength" -> length(value, true);
            case "maxLength" -> length(value, false);
            case "enum" -> oneOfStrings(value);
            case "const" -> value.isTextual() ? Optional.of(value::equals) : Optional.empty();
            case "anyOf" -> anyOf(value);
            default -> Optional.empty();
        };
    }

    private static Optional<Predicate<JsonNode>> type(JsonNode value) {
        return switch (value.asText()) {
            case "object" -> Optional.of(JsonNode::isObject);
            case "string" -> Optional.of(JsonNode::isTextual);
            case "boolean" -> Optional.of(JsonNode::isBoolean);
            default -> Optional.empty();
        };
    }

    private static Optional<Predicate<JsonNode>> required(JsonNode value) {
        if (!value.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        value.forEach(name -> names.add(name.asText()));
        return Optional.of(node -> {
            if (!node.isObject()) {
                return true;
            }
            for (String name : names) {
                if (!node.has(name)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Predicate<JsonNode>> properties(JsonNode value) {
        if (!value.isObject()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        List<Predicate<JsonNode>> checks = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties = value.fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            Optional<Predicate<JsonNode>> check = compile(property.getValue());
            if (check.isEmpty()) {
                return Optional.empty();
            }
            names.add(property.getKey());
            checks.add(check.get());
        }
        return Optional.of(node -> {
            if (!node.isObject()) {
                return true;
            }
            for (int i = 0; i < names.size(); i++) {
                JsonNode member = node.get(names.get(i));
                if (member != null && !checks.get(i).test(member)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Predicate<JsonNode>> additionalProperties(JsonNode value, JsonNode properties) {
        if (!value.isBoolean() || value.booleanValue()) {
            return Optional.empty();
        }
        Set<String> known = new HashSet<>();
        if (properties != null) {
            properties.fieldNames().forEachRemaining(known::add);
        }
        return Optional.of(node -> {
            if (!node.isObject()) {
                return true;
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                if (!known.contains(names.next())) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<Predicate<JsonNode>> pattern(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        Predicate<String> matches = AnchoredPattern.of(value.textValue()).orElseGet(() -> {
            Pattern pattern = SchemaPattern.compile(value.textValue());
            return text -> pattern.matcher(text).find();
        });
        return Optional.of(node -> !node.isTextual() || matches.test(node.textValue()));
    }

    private static Optional<Predicate<JsonNode>> length(JsonNode value, boolean minimum) {
        if (!value.canConvertToExactIntegral()) {
            return Optional.empty();
        }
        int limit = value.intValue();
        return Optional.of(node -> {
            if (!node.isTextual()) {
                return true;
            }
            String text = node.textValue();
            int length = text.codePointCount(0, text.length());
            return minimum ? length >= limit : length <= limit;
        });
    }

    private static Optional<Predicate<JsonNode>> oneOfStrings(JsonNode value) {
        if (!value.isArray()) {
            return Optional.empty();
        }
        Set<String> allowed = new HashSet<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                return Optional.empty();
            }
            allowed.add(element.textValue());
        }
        return Optional.of(node -> node.isTextual() && allowed.contains(node.textValue()));
    }

    private static Optional<Predicate<JsonNode>> anyOf(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return Optional.empty();
        }
        List<Predicate<JsonNode>> branches = new ArrayList<>();
        for (JsonNode branch : value) {
            Optional<Predicate<JsonNode>> check = compile(branch);
            if (check.isEmpty()) {
                return Optional.empty();
            }
            branches.add(check.get());
        }
        return Optional.of(node -> {
            for (Predicate<JsonNode> branch : branches) {
                if (branch.test(node)) {
                    return true;
                }
            }
            return false;
        });
    }
}
