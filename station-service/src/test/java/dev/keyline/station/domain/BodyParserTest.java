package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import org.junit.jupiter.api.Test;

class BodyParserTest {

    private static final KeyRedactor REDACTOR = new KeyRedactor(new KeyFingerprinter("unit-test-fingerprint-secret"));

    @Test
    void validBodyRedacted() {
        ParsedBody parsed = BodyParser.parse("{\"notes\": \"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}", REDACTOR);

        assertThat(parsed).isInstanceOf(ParsedBody.Readable.class);
        RedactedTree redacted = ((ParsedBody.Readable) parsed).redacted();
        assertThat(redacted.exposures()).extracting(KeyExposure::location).containsExactly("/notes");
    }

    @Test
    void truncatedBodyKeyLocatedByLine() {
        ParsedBody parsed = BodyParser.parse("{\n  \"notes\": \"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M", REDACTOR);

        assertThat(parsed).isInstanceOf(ParsedBody.Unreadable.class);
        ParsedBody.Unreadable unreadable = (ParsedBody.Unreadable) parsed;
        assertThat(unreadable.reason()).startsWith("not valid JSON at line 2");
        assertThat(unreadable.reason()).doesNotContain("TSTAA-BBBBB");
        assertThat(unreadable.exposures()).extracting(KeyExposure::location).containsExactly("line 2, column 13");
    }

    @Test
    void duplicateMemberRejected() {
        String body = "{\"notes\": \"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\", \"notes\": \"clean\"}";

        ParsedBody parsed = BodyParser.parse(body, REDACTOR);

        assertThat(parsed).isInstanceOf(ParsedBody.Unreadable.class);
        ParsedBody.Unreadable unreadable = (ParsedBody.Unreadable) parsed;
        assertThat(unreadable.reason()).contains("Duplicate field 'notes'");
        assertThat(unreadable.exposures()).hasSize(1);
    }

    @Test
    void textAfterValueRejectedWithExposure() {
        for (String rest :
                new String[] {"{\"notes\": \"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}", " 5 TSTAA-BBBBB-CCCCC-DDDDD-7QX4M"}) {
            ParsedBody parsed = BodyParser.parse("{\"serial\": \"SN-1\"}" + rest, REDACTOR);

            assertThat(parsed).as(rest).isInstanceOf(ParsedBody.Unreadable.class);
            ParsedBody.Unreadable unreadable = (ParsedBody.Unreadable) parsed;
            assertThat(unreadable.reason()).startsWith("not valid JSON at line 1, column ");
            assertThat(unreadable.reason())
                    .endsWith(": has more after its JSON value; send one JSON value per request");
            assertThat(unreadable.exposures()).hasSize(1);
        }
    }

    @Test
    void keyAsMemberNameMaskedAndExposed() {
        ParsedBody parsed = BodyParser.parse("{\"serial\": \"SN-1\", \"TSTAABBBBBCCCCCDDDDD7QX4M\": \"x\"}", REDACTOR);

        RedactedTree redacted = ((ParsedBody.Readable) parsed).redacted();
        assertThat(redacted.exposures())
                .extracting(KeyExposure::location)
                .containsExactly("/*****-*****-*****-*****-7QX4M");
        assertThat(redacted.tree().has("*****-*****-*****-*****-7QX4M")).isTrue();
        assertThat(redacted.tree().toString()).doesNotContain("BBBBBCCCCC");
    }

    @Test
    void nulCharacterUnreadableWithItsPointer() {
        ParsedBody parsed =
                BodyParser.parse("{\"notes\": [\"ok\", \"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M \\u0000\"]}", REDACTOR);

        assertThat(parsed).isInstanceOf(ParsedBody.Unreadable.class);
        ParsedBody.Unreadable unreadable = (ParsedBody.Unreadable) parsed;
        assertThat(unreadable.reason())
                .isEqualTo(
                        "the value at /notes/1 contains a NUL character (\\u0000), which cannot be stored; remove it");
        assertThat(unreadable.exposures()).extracting(KeyExposure::location).containsExactly("/notes/1");
    }

    @Test
    void halfSurrogatePairUnreadable() {
        ParsedBody parsed = BodyParser.parse("{\"notes\": \"ok \\ud800 then\", \"lineId\": \"line-1\"}", REDACTOR);

        assertThat(parsed).isInstanceOf(ParsedBody.Unreadable.class);
        assertThat(((ParsedBody.Unreadable) parsed).reason())
                .isEqualTo("the value at /notes contains half of a UTF-16 surrogate pair (such as \\ud800 alone),"
                        + " which cannot be stored; send both halves of the character or remove it");
        assertThat(BodyParser.parse("{\"notes\": \"gear \\ud83d\\udd27\"}", REDACTOR))
                .as("a whole pair")
                .isInstanceOf(ParsedBody.Readable.class);
        assertThat(BodyParser.hasUnpairedSurrogate("\udc00 first"))
                .as("a low half alone")
                .isTrue();
        assertThat(BodyParser.hasUnpairedSurrogate("last \ud83d"))
                .as("a high half at the end")
                .isTrue();
    }

    @Test
    void byteOrderMarkSkipped() {
        ParsedBody parsed = BodyParser.parse("\uFEFF{\"notes\": \"boxed\"}", REDACTOR);

        assertThat(parsed).isInstanceOf(ParsedBody.Readable.class);
        assertThat(((ParsedBody.Readable) parsed)
                        .redacted()
                        .tree()
                        .path("notes")
                        .asText())
                .isEqualTo("boxed");
    }

    @Test
    void emptyBodyUnreadable() {
        ParsedBody parsed = BodyParser.parse("  ", REDACTOR);

        assertThat(parsed).isEqualTo(new ParsedBody.Unreadable("the request body is empty", java.util.List.of()));
    }
}
