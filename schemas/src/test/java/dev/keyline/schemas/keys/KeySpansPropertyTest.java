package dev.keyline.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Checks {@link KeySpans} through {@link KeyRedactor} on generated text: a key written in any disguise the finder
 * reads, between any two pieces of text, is masked with its own fingerprint and leaves none of its groups behind, and
 * masked text is never masked again.
 */
class KeySpansPropertyTest {

    // Made-up key groups of the letters and digits real keys use; no real product key is built from them.
    private static final List<String> GROUPS = List.of("KTPRB", "QQQQQ", "RRRRR", "VVVVV", "8WX2Y");
    private static final String KEY = String.join("-", GROUPS);

    private final KeyFingerprinter fingerprinter = new KeyFingerprinter("a-test-secret-of-32-characters!!");
    private final KeyRedactor redactor = new KeyRedactor(fingerprinter);

    @Property(tries = 300)
    void disguisedKeyFoundBetweenAnyText(
            @ForAll("prose") String before, @ForAll("disguised") String key, @ForAll("prose") String after) {
        // A word between the key and the text keeps a dash at the end of the text from joining one more group to
        // the key: in "AAAA2 - TSTPP - ..." six groups are in a row and no rule can decide which five are the key.
        RedactedText result = redactor.redact(before + " at " + key + " at " + after);

        assertThat(result.findings()).extracting(KeyFinding::fingerprint).contains(fingerprinter.fingerprint(KEY));
        String joined = result.text().replaceAll("[\\s\\p{Cf}]", "");
        for (String group : GROUPS.subList(1, 4)) {
            assertThat(joined.contains(group))
                    .as("group " + group + " is left in the masked text")
                    .isFalse();
        }
    }

    @Property(tries = 300)
    void maskedTextHasNoKey(@ForAll("prose") String before, @ForAll("disguised") String key) {
        RedactedText once = redactor.redact(before + key);
        RedactedText twice = redactor.redact(once.text());

        assertThat(twice.findings()).isEmpty();
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(KeyRedactor.maskAll(before + key)).isEqualTo(once.text());
    }

    /** Text of words, numbers, dashes, blanks, line breaks and invisible characters, as logs and notes have. */
    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("-", " - ", "\r\n", "\t", "\u00AD", "\u200B", ".", "_", "/", "=", ":"));
        return token.list().ofMaxSize(12).map(tokens -> String.join(" ", tokens));
    }

    /** Generates the key written in one of the forms {@link KeySpans} reads. */
    @Provide
    Arbitrary<String> disguised() {
        return Arbitraries.oneOf(
                Arbitraries.of("-", "\u2013", "\u2212").map(dash -> String.join(dash, GROUPS)),
                Arbitraries.of(".", "_", "/", "\\").map(separator -> String.join(separator, GROUPS)),
                Arbitraries.of("-\n", "-\r\n    ", "\n-", ".\n  ", "_\r\n").map(wrap -> String.join(wrap, GROUPS)),
                Arbitraries.of("\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\uDB40\uDC20", "\u034F")
                        .map(invisible -> String.join("-", GROUPS).replace("Q", "Q" + invisible)),
                Arbitraries.just(String.join("", GROUPS)));
    }
}
