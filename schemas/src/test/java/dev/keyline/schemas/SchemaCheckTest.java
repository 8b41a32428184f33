package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Checks that {@link SchemaCheck} agrees with the general validator on valid events and on events broken in the
 * ways a station or a hand-written record can break them, so skipping the general validator for an event the check
 * accepts changes no decision.
 */
class SchemaCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final String ENVELOPE = "/keyline/schemas/cloudevent-envelope.json";

    /** One valid data object per line-event type, with every optional member the type has. Keys are made up. */
    private static final Map<EventType, String> VALID_DATA = Map.of(
            EventType.DEVICE_PROVISIONED,
            """
            {"serial":"SN-0001","lineId":"line-1","stationId":"imaging-01","keyId":"KEY-A","partialKey":"7QX4M",
             "method":"unattend","keyCleared":true,"notes":"answer file redacted"}""",
            EventType.ACTIVATION_ATTEMPTED,
            """
            {"serial":"SN-0001","lineId":"line-1","stationId":"qa-02","keyId":"KEY-A","partialKey":"7QX4M",
             "channel":"internet","result":"0xC004C020","notes":"retry","hardwareHash":"aGFyZHdhcmU=",
             "uwfEnabled":false}""",
            EventType.DEVICE_LICENSE_REPORTED,
            """
            {"serial":"SN-0001","lineId":"line-1","stationId":"qa-02","partialKey":"7QX4M",
             "productKeyChannel":"OEM:DM","licenseStatus":"notification","notificationReason":"0xC004F009",
             "source":"slmgr"}""",
            EventType.DEVICE_STEP_COMPLETED,
            """
            {"serial":"SN-0001","lineId":"line-1","stationId":"pack-03","step":"shipped","keyId":"KEY-A",
             "partialKey":"7QX4M"}""",
            EventType.KEY_EXPOSED,
            """
            {"serial":"SN-0001","lineId":"line-1","stationId":"imaging-01","maskedKey":"*****-*****-*****-*****-7QX4M",
             "partialKey":"7QX4M","fingerprint":"%s","report":"unattend","location":"/unattend/settings[1]"}"""
                    .formatted("ab".repeat(32)));

    private static final String VALID_ENVELOPE =
            """
            {"specversion":"1.0","id":"6f1c2b7e-0d3a-4c5e-9f8a-1b2c3d4e5f60","source":"/lines/line-1/stations/qa-02",
             "type":"keyline.activation.attempted.v1","subject":"SN-0001","time":"2026-12-01T08:30:00.123Z",
             "datacontenttype":"application/json","data":{"serial":"SN-0001"}}""";

    @Property(tries = 4000)
    void agreesOnLineEventData(@ForAll("brokenData") Tuple.Tuple2<EventType, JsonNode> data) {
        JsonSchema schema = load(data.get1().schemaResource());
        Predicate<JsonNode> check = SchemaCheck.compile(schema.getSchemaNode()).orElseThrow();

        assertThat(check.test(data.get2()))
                .as("check of %s", data.get2())
                .isEqualTo(schema.validate(data.get2()).isEmpty());
    }

    @Property(tries = 2000)
    void agreesOnEnvelopes(@ForAll("brokenEnvelopes") JsonNode envelope) {
        JsonSchema schema = load(ENVELOPE);
        Predicate<JsonNode> check = SchemaCheck.compile(schema.getSchemaNode()).orElseThrow();

        assertThat(check.test(envelope))
                .as("check of %s", envelope)
                .isEqualTo(schema.validate(envelope).isEmpty());
    }

    @Property(tries = 10)
    void lineEventSchemasCompile(@ForAll("lineEventTypes") EventType type) {
        assertThat(SchemaCheck.compile(load(type.schemaResource()).getSchemaNode()))
                .isPresent();
        assertThat(SchemaCheck.compile(load(ENVELOPE).getSchemaNode())).isPresent();
    }

    @Provide
    Arbitrary<EventType> lineEventTypes() {
        return Arbitraries.of(VALID_DATA.keySet().toArray(EventType[]::new));
    }

    @Property(tries = 10)
    void unknownKeywordsDoNotCompile(@ForAll("unknownKeywords") String schema) throws IOException {
        assertThat(SchemaCheck.compile(MAPPER.readTree(schema))).isEmpty();
    }

    @Provide
    Arbitrary<String> unknownKeywords() {
        return Arbitraries.of(
                "{\"type\":\"integer\"}",
                "{\"type\":[\"string\",\"null\"]}",
                "{\"format\":\"date-time\"}",
                "{\"$ref\":\"#/$defs/serial\"}",
                "{\"additionalProperties\":{\"type\":\"string\"}}",
                "{\"enum\":[\"a\",1]}",
                "{\"const\":1}",
                "{\"properties\":{\"n\":{\"minimum\":1}}}",
                "{\"anyOf\":[]}");
    }

    @Provide
    Arbitrary<Tuple.Tuple2<EventType, JsonNode>> brokenData() {
        return lineEventTypes().flatMap(type -> {
            ObjectNode valid = parse(VALID_DATA.get(type));
            List<String> names = new ArrayList<>();
            valid.fieldNames().forEachRemaining(names::add);
            names.add("extra");
            return mutations(names).list().ofMaxSize(3).map(changes -> Tuple.of(type, apply(valid, changes)));
        });
    }

    @Provide
    Arbitrary<JsonNode> brokenEnvelopes() {
        ObjectNode valid = parse(VALID_ENVELOPE);
        List<String> names = new ArrayList<>();
        valid.fieldNames().forEachRemaining(names::add);
        names.add("dataschema");
        return mutations(names).list().ofMaxSize(3).map(changes -> apply(valid, changes));
    }

    /** A member to change and its new value; a missing node removes the member. */
    private record Mutation(String member, JsonNode value) {}

    private static Arbitrary<Mutation> mutations(List<String> members) {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.just(MissingNode.getInstance()),
                Arbitraries.of(
                                "null",
                                "1",
                                "1.5",
                                "true",
                                "[]",
                                "{}",
                                "[\"SN-0001\"]",
                                "{\"serial\":\"SN-0001\"}",
                                "\"\"",
                                "\"1.0\"",
                                "\"application/json\"",
                                "\"internet\"",
                                "\"success\"",
                                "\"0xC004C020\"",
                                "\"0xc004c020\"",
                                "\"unattend\"",
                                "\"shipped\"",
                                "\"licensed\"",
                                "\"slmgr\"",
                                "\"7QX4M\"",
                                "\"7qx4m\"",
                                "\"SN-0001\\n\"",
                                "\"SN-0001\\n\\n\"",
                                "\"SN-0001\\r\\n\"",
                                "\"success\\n\"",
                                "\"7QX4M\\u2028\"",
                                "\"/lines/l/stations/s\"",
                                "\"/services/ledger-service\"",
                                "\"keyline.a-b.c.v2\"",
                                "\"2026-12-01T08:30:00Z\"",
                                "\"2026-12-01 08:30:00Z\"",
                                "\"6f1c2b7e-0d3a-4c5e-9f8a-1b2c3d4e5f60\"",
                                "\"*****-*****-*****-*****-7QX4M\"")
                        .map(SchemaCheckTest::parse),
                Arbitraries.strings()
                        .withChars("AZaz09._-+/=*:$[]\\\n\r\u2028 é")
                        .withCharRange('a', 'f')
                        .ofMaxLength(70)
                        .map(text -> MAPPER.getNodeFactory().textNode(text)),
                Arbitraries.integers()
                        .between(1990, 2010)
                        .flatMap(length -> Arbitraries.of("a", "\uD83D\uDE00").map(unit -> unit.repeat(length)))
                        .map(text -> MAPPER.getNodeFactory().textNode(text)),
                Arbitraries.integers().between(60, 68).map(length -> MAPPER.getNodeFactory()
                        .textNode("S".repeat(length))),
                Arbitraries.integers().between(60, 68).map(length -> MAPPER.getNodeFactory()
                        .textNode("f".repeat(length))));
        return Combinators.combine(Arbitraries.of(members), values).as(Mutation::new);
    }

    private static JsonNode apply(ObjectNode valid, List<Mutation> changes) {
        ObjectNode copy = valid.deepCopy();
        for (Mutation change : changes) {
            if (change.value().isMissingNode()) {
                copy.remove(change.member());
            } else {
                copy.set(change.member(), change.value());
            }
        }
        return copy;
    }

    private static <T extends JsonNode> T parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            T node = (T) MAPPER.readTree(json);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("deprecation")
    private static JsonSchema load(String resource) {
        try (InputStream in = SchemaCheckTest.class.getResourceAsStream(resource)) {
            return FACTORY.getSchema(
                    in,
                    SchemaValidatorsConfig.builder(new SchemaValidatorsConfig())
                            .regularExpressionFactory(SchemaPattern.FACTORY)
                            .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
