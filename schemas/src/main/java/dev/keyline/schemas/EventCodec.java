package dev.keyline.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.keyline.schemas.events.EventData;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.schemas.keys.KeyRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes and reads Keyline CloudEvents in structured JSON mode, validating the envelope and the data against the JSON
 * Schemas of this module. One instance is thread-safe and meant to be shared.
 */
public final class EventCodec {

    private static final String ENVELOPE_SCHEMA = "/keyline/schemas/cloudevent-envelope.json";
    private static final String TIME_PROBLEM = "$.time: not an RFC 3339 date-time";
    private static final int QUOTED_LENGTH = 80;
    /** The factory's default settings, so messages keep paths such as {@code $.serial}, with ECMA-262 patterns. */
    @SuppressWarnings("deprecation")
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder(
                    new SchemaValidatorsConfig())
            .regularExpressionFactory(SchemaPattern.FACTORY)
            .build();

    private final ObjectMapper mapper = EventJson.mapper();
    private final ObjectReader treeReader = mapper.readerFor(JsonNode.class);
    private final JsonSchema envelopeSchema;
    private final Predicate<JsonNode> envelopeCheck;
    private final Map<EventType, JsonSchema> dataSchemas = new EnumMap<>(EventType.class);
    private final Map<EventType, Predicate<JsonNode>> dataChecks = new EnumMap<>(EventType.class);
    private final Map<EventType, ObjectReader> dataReaders = new EnumMap<>(EventType.class);

    public EventCodec() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        envelopeSchema = load(factory, ENVELOPE_SCHEMA);
        envelopeCheck = SchemaCheck.compile(envelopeSchema.getSchemaNode()).orElse(node -> false);
        for (EventType type : EventType.values()) {
            JsonSchema schema = load(factory, type.schemaResource());
            dataSchemas.put(type, schema);
            dataChecks.put(type, SchemaCheck.compile(schema.getSchemaNode()).orElse(node -> false));
            dataReaders.put(type, mapper.readerFor(type.dataClass()));
        }
    }

    /** Serializes an event; throws {@link IllegalArgumentException} when its data breaks the type's schema. */
    public String encode(CloudEvent<?> event) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("specversion", CloudEvent.SPEC_VERSION);
        envelope.put("id", event.id());
        envelope.put("source", event.source());
        envelope.put("type", event.type().type());
        envelope.put("subject", event.subject());
        envelope.put("time", event.time().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", mapper.valueToTree(event.data()));

        List<String> problems = validate(envelope);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("event " + event.id() + " breaks its schema: " + problems);
        }
        Optional<String> subjectProblem = subjectProblem(event.subject(), event.data());
        if (subjectProblem.isPresent()) {
            throw new IllegalArgumentException(
                    "event " + event.id() + " breaks its schema: " + KeyRedactor.maskAll(subjectProblem.get()));
        }
        return envelope.toString();
    }

    /** Parses and validates one record value; never throws for bad input. */
    public DecodeResult decode(String json) {
        if (json == null || json.isBlank()) {
            return new DecodeResult.Rejected("empty record value: expected a CloudEvent in structured JSON mode");
        }
        JsonNode root;
        try {
            root = treeReader.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            return new DecodeResult.Rejected(
                    KeyRedactor.maskAll("not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (!root.isObject()) {
            return new DecodeResult.Rejected("expected a JSON object with the CloudEvents attributes");
        }
        List<String> problems = schemaProblems(root);
        if (!problems.isEmpty()) {
            return new DecodeResult.Rejected(KeyRedactor.maskAll(String.join("; ", problems)));
        }
        Optional<Instant> time = EventTime.parse(root.get("time").asText());
        if (time.isEmpty()) {
            return new DecodeResult.Rejected(TIME_PROBLEM);
        }
        EventType type = EventType.fromType(root.get("type").asText()).orElseThrow();
        try {
            EventData data = dataReaders.get(type).readValue(root.get("data"));
            Optional<String> subjectProblem = subjectProblem(root.get("subject").asText(), data);
            if (subjectProblem.isPresent()) {
                return new DecodeResult.Rejected(KeyRedactor.maskAll(subjectProblem.get()));
            }
            CloudEvent<EventData> event = new CloudEvent<>(
                    root.get("id").asText(),
                    root.get("source").asText(),
                    type,
                    root.get("subject").asText(),
                    time.get(),
                    data);
            return new DecodeResult.Decoded(event);
        } catch (IOException | IllegalArgumentException e) {
            return new DecodeResult.Rejected(KeyRedactor.maskAll("data does not map to " + type.type() + ": "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /** Tells whether a JSON value is a valid CloudEvents envelope, whatever its type and data. */
    public boolean isValidEnvelope(JsonNode envelope) {
        return envelopeCheck.test(envelope) || envelopeSchema.validate(envelope).isEmpty();
    }

    /** Returns the schema violations of an envelope and its data; empty when the event is valid. */
    public List<String> validate(JsonNode envelope) {
        List<String> problems = schemaProblems(envelope);
        if (!problems.isEmpty()) {
            return problems;
        }
        return EventTime.parse(envelope.get("time").asText()).isPresent() ? List.of() : List.of(TIME_PROBLEM);
    }

    /**
     * Returns the violations of the envelope's and the data's JSON Schemas, without reading {@code time}. The compiled
     * checks run first; the general validator runs only for an event they find invalid, to word its problems.
     */
    private List<String> schemaProblems(JsonNode envelope) {
        if (envelopeCheck.test(envelope)) {
            Optional<EventType> type = EventType.fromType(envelope.get("type").asText());
            if (type.isPresent() && dataChecks.get(type.get()).test(envelope.get("data"))) {
                return List.of();
            }
        }
        List<String> problems = messages(envelopeSchema.validate(envelope));
        if (!problems.isEmpty()) {
            return problems;
        }
        String typeName = envelope.get("type").asText();
        JsonSchema dataSchema =
                EventType.fromType(typeName).map(dataSchemas::get).orElse(null);
        if (dataSchema == null) {
            return List.of("$.type: unknown event type '" + typeName + "'; known types are "
                    + List.of(EventType.values()).stream().map(EventType::type).toList());
        }
        return messages(dataSchema.validate(envelope.get("data"))).stream()
                .map(message -> message.startsWith("$") ? "$.data" + message.substring(1) : message)
                .toList();
    }

    /**
     * Returns why a line event's subject is not the serial its data names, or empty. Consumers key a device's events by
     * the subject, so a subject that differs from {@code data.serial} would book the event on another device. A subject
     * of dots alone is refused too, because the records it would make could not be read or changed by URL.
     */
    private static Optional<String> subjectProblem(String subject, EventData data) {
        if (PathIds.isDotsAlone(subject)) {
            return Optional.of("$.subject: '" + subject + "' is dots alone, which no URL can name (\"..\" is the parent"
                    + " path); send the device serial or key id with a letter or digit in it");
        }
        if (data instanceof LineEvent line
                && line.serial() != null
                && !line.serial().equals(subject)) {
            return Optional.of("$.subject: '" + Printable.of(subject) + "' is not the device serial '"
                    + Printable.of(line.serial()) + "' of $.data.serial; send the device's serial as the subject");
        }
        return Optional.empty();
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(EventCodec::message).sorted().collect(Collectors.toList());
    }

    /**
     * Returns a violation's message followed by the value it is about, when that is a single value such as a string,
     * so a dead letter shows what was sent. Line breaks are escaped, keys masked, and a string cut to
     * {@value #QUOTED_LENGTH} characters.
     */
    private static String message(ValidationMessage violation) {
        JsonNode value = violation.getInstanceNode();
        if (value == null || !value.isValueNode()) {
            return violation.getMessage();
        }
        String quoted = value.isTextual() ? "'" + Printable.of(shortened(value.textValue())) + "'" : value.toString();
        return violation.getMessage() + ", got " + KeyRedactor.maskForEcho(quoted);
    }

    private static String shortened(String text) {
        return text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH) + "...";
    }

    private static JsonSchema load(JsonSchemaFactory factory, String resource) {
        try (InputStream in = EventCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the classpath: " + resource);
            }
            return factory.getSchema(in, SCHEMA_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
