package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnchoredPatternTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/keyline/schemas");

    /** Values that match one of the schemas' patterns, which the comparison mutates. */
    private static final List<String> SEEDS = List.of(
            "SN-0001",
            "line-1",
            "imaging_01.a",
            "7QX4M",
            "0xC004C020",
            "success",
            "*****-*****-*****-*****-7QX4M",
            "0190a3f2-7c1d-7b3e-9a4f-2c8d1e6f0a5b",
            "2026-11-02T06:00:00Z",
            "2026-11-02T06:00:00.123456789+02:00",
            "/lines/line-1/stations/imaging-01",
            "/services/ledger-service",
            "keyline.device.provisioned.v1",
            "a".repeat(64),
            "0123456789abcdef".repeat(4),
            "dGVzdA==",
            "key-exposed",
            "$10",
            "$]$");

    /** Patterns beyond the schemas', for the parts of the syntax that the schemas do not use. */
    private static final List<String> EXTRA_PATTERNS = List.of(
            "^a?b*c+$",
            "^(ab|a)(bc|c)?$",
            "^[a-c-]+-[a-c]+$",
            "^x{2,}y{0,3}$",
            "^\\$[0-9]+$",
            "^[$\\]]+$",
            "^((a|b)?c)$",
            "^$",
            "^[.]+\\.$");

    @Test
    void readsEveryPatternOfTheSchemas() throws IOException {
        for (String pattern : schemaPatterns()) {
            assertThat(AnchoredPattern.of(pattern)).as(pattern).isPresent();
        }
    }

    @Test
    void agreesWithTheRegularExpression() throws IOException {
        List<String> patterns = new ArrayList<>(schemaPatterns());
        patterns.addAll(EXTRA_PATTERNS);
        List<String> values = values(new Random(20261205), 4_000);
        int matches = 0;

        for (String pattern : patterns) {
            Predicate<String> fast = AnchoredPattern.of(pattern).orElseThrow();
            Pattern regex = SchemaPattern.compile(pattern);
            for (String value : values) {
                boolean expected = regex.matcher(value).find();
                assertThat(fast.test(value)).as("%s on '%s'", pattern, value).isEqualTo(expected);
                matches += expected ? 1 : 0;
            }
        }

        // Many values match their pattern, so both results are compared, not only "no match".
        assertThat(matches).isGreaterThan(2_000);
    }

    @Test
    void maskEdgesMatchRegex() {
        // The ranges cross the mask's halves (63 to 65), its end (126 to 129) and leave it (é, U+2028).
        for (String pattern : List.of("^[?-A]$", "^[~-\u0081]$", "^[\u007f]$", "^[ -~é]$", "^[\u2028a]$")) {
            Predicate<String> fast = AnchoredPattern.of(pattern).orElseThrow();
            Pattern regex = SchemaPattern.compile(pattern);
            for (char c = 0; c < 0x2100; c++) {
                String value = String.valueOf(c);
                assertThat(fast.test(value))
                        .as("%s on U+%04X", pattern, (int) c)
                        .isEqualTo(regex.matcher(value).find());
            }
        }
    }

    @Test
    void dollarEndsTheText() {
        Predicate<String> id = AnchoredPattern.of("^[A-Za-z0-9._-]{1,64}$").orElseThrow();

        assertThat(id.test("SN-0001")).isTrue();
        assertThat(id.test("SN-0001\n")).isFalse();
        assertThat(id.test("")).isFalse();
        assertThat(id.test("a".repeat(65))).isFalse();
    }

    @Test
    void backtracksIntoARun() {
        Predicate<String> pattern = AnchoredPattern.of("^[a-z-]+-[a-z]+$").orElseThrow();

        assertThat(pattern.test("key-exposed")).isTrue();
        assertThat(pattern.test("key-")).isFalse();
    }

    @Test
    void leavesOtherSyntaxToTheRegularExpression() {
        for (String pattern : List.of(
                "[a-z]+",
                "^[a-z]+",
                "^a|b$",
                "^[^a]$",
                "^\\d+$",
                "^a.b$",
                "^(ab)+$",
                "^(?:a)$",
                "^(?=a)a$",
                "^a+?$",
                "^[z-a]$",
                "^a\\\\$")) {
            assertThat(AnchoredPattern.of(pattern)).as(pattern).isEmpty();
        }
    }

    /** Returns the distinct {@code pattern} values in the schema files. */
    private static List<String> schemaPatterns() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        TreeSet<String> patterns = new TreeSet<>();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".json")).toList()) {
                collect(mapper.readTree(file.toFile()), patterns);
            }
        }
        assertThat(patterns).hasSizeGreaterThan(10);
        return List.copyOf(patterns);
    }

    private static void collect(JsonNode node, TreeSet<String> patterns) {
        if (node.isObject() && node.path("pattern").isTextual()) {
            patterns.add(node.get("pattern").textValue());
        }
        node.forEach(child -> collect(child, patterns));
    }

    /** Returns the seeds and {@code count} mutations of them: characters replaced, inserted, removed or doubled. */
    private static List<String> values(Random random, int count) {
        String alphabet = "aAzZ09fF-._:+/$*]xy\n\r\u2028é";
        List<String> values = new ArrayList<>(SEEDS);
        values.addAll(List.of("", "a", "ab", "abc", "c", "bc", "xx", "xxyyy", "xxxyyyy", "a-b", "--a", "...."));
        for (int i = 0; i < count; i++) {
            StringBuilder value = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
            int edits = 1 + random.nextInt(3);
            for (int edit = 0; edit < edits; edit++) {
                int at = value.isEmpty() ? 0 : random.nextInt(value.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(4)) {
                    case 0 -> value.insert(at, c);
                    case 1 -> {
                        if (!value.isEmpty()) {
                            value.setCharAt(at, c);
                        }
                    }
                    case 2 -> {
                        if (!value.isEmpty()) {
                            value.deleteCharAt(at);
                        }
                    }
                    default -> value.append(value);
                }
            }
            values.add(value.toString());
        }
        return values;
    }
}
