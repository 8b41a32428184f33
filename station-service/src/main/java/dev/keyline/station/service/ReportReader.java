package dev.keyline.station.service;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.schemas.EventJson;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.FieldFixes;
import dev.keyline.station.domain.Quoting;
import dev.keyline.station.domain.ReadResult;
import dev.keyline.station.domain.ReportKind;
import dev.keyline.station.domain.StationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Maps a redacted JSON tree to a report record and validates it, collecting every error with the JSON pointer of its
 * field, what is wrong and the fix. Unknown members are errors, so that a misspelt {@code keyId} is not dropped.
 */
@ApplicationScoped
public class ReportReader {

    /**
     * The event mapper, made strict about JSON types: a truth value takes only {@code true} or {@code false}, a text
     * member only a JSON string, and a number no text. Jackson's defaults would read {@code "keyCleared": 2} as true,
     * which completes a workflow step, and a serial sent as {@code 1.5e3} as the device {@code 1500.0}.
     */
    private static final ObjectMapper MAPPER = strict(EventJson.mapper().copy());

    private final Validator validator;

    public ReportReader(Validator validator) {
        this.validator = validator;
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    public ReadResult read(ReportKind kind, JsonNode tree) {
        if (!tree.isObject()) {
            String type = tree.getNodeType().name().toLowerCase(Locale.ROOT);
            return new ReadResult.Invalid(List.of(new FieldError(
                    "body",
                    "is a JSON " + type + ", not an object",
                    "send a JSON object with the members of the " + kind.wireName() + " report")));
        }

        List<FieldError> errors = new ArrayList<>(unknownMembers(kind, tree));
        StationReport report;
        try {
            report = MAPPER.treeToValue(tree, kind.requestClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(typeError(e, tree));
            return invalid(errors);
        }

        errors.addAll(violations(report));
        errors.addAll(report.ruleErrors());
        return errors.isEmpty() ? new ReadResult.Valid(report) : invalid(errors);
    }

    private static List<FieldError> unknownMembers(ReportKind kind, JsonNode tree) {
        List<String> known = kind.fieldNames();
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(
                        KeyRedactor.maskAll(
                                JsonPointer.empty().appendProperty(name).toString()),
                        "is not a member of the " + kind.wireName() + " report",
                        "remove it or correct its spelling; the members are " + String.join(", ", known)));
            }
        }
        return errors;
    }

    private List<FieldError> violations(StationReport report) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<StationReport> violation : validator.validate(report)) {
            String field = violation.getPropertyPath().toString();
            errors.add(new FieldError(
                    "/" + field,
                    violation.getMessage() + Quoting.got(violation.getInvalidValue()),
                    FieldFixes.forField(field)));
        }
        return errors;
    }

    /** Describes a value whose JSON type does not fit its member, such as an object where a string belongs. */
    private static FieldError typeError(Exception e, JsonNode tree) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return new FieldError(
                    "body",
                    KeyRedactor.maskAll(e.getMessage()),
                    "send a JSON object as the API documentation describes");
        }
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            pointer = reference.getFieldName() != null
                    ? pointer.appendProperty(reference.getFieldName())
                    : pointer.appendIndex(reference.getIndex());
        }
        String field = mapping.getPath().get(0).getFieldName();
        // Jackson names no value when it rejects text where another type belongs, so the masked tree supplies it.
        JsonNode sent = tree.at(pointer);
        Object value = e instanceof InvalidFormatException invalid
                ? invalid.getValue()
                : sent.isTextual() ? sent.textValue() : null;
        return new FieldError(
                KeyRedactor.maskAll(pointer.toString()),
                expectedType(e) + Quoting.got(value),
                FieldFixes.forField(field));
    }

    private static String expectedType(Exception e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == Boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a JSON string";
        }
        return "has the wrong JSON type";
    }

    private static ReadResult invalid(List<FieldError> errors) {
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return new ReadResult.Invalid(List.copyOf(errors));
    }
}
