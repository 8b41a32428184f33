package dev.keyline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.platform.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyTextTest {

    private static final String CSV = "keyId,remainingActivations\nKEY-Ä,4\n";

    private static byte[] withMark(byte[] mark, byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mark);
        out.writeBytes(text);
        return out.toByteArray();
    }

    @Test
    void byteOrderMarkDecidesEncoding() {
        byte[] utf16le = withMark(new byte[] {(byte) 0xFF, (byte) 0xFE}, CSV.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be = withMark(new byte[] {(byte) 0xFE, (byte) 0xFF}, CSV.getBytes(StandardCharsets.UTF_16BE));
        byte[] utf8 =
                withMark(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(BodyText.decode(utf16le, "text/csv")).isEqualTo(CSV);
        assertThat(BodyText.decode(utf16be, "text/csv; charset=utf-8")).isEqualTo(CSV);
        assertThat(BodyText.decode(utf8, "text/csv")).isEqualTo(CSV);
    }

    @Test
    void charsetParameterWithoutMark() {
        byte[] latin1 = CSV.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(BodyText.decode(latin1, "text/csv; charset=\"ISO-8859-1\"")).isEqualTo(CSV);
        assertThat(BodyText.decode(CSV.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(CSV);
    }

    @Test
    void utf16WithoutMarkIsRejectedWithLine() {
        byte[] unmarked = CSV.getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> BodyText.decode(unmarked, "text/csv"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(
                                ((ProblemException) e).problem().errors().get(0).message())
                        .isEqualTo("contains a NUL character on line 1, as UTF-16 text without its byte-order mark"
                                + " does"));
    }

    @Test
    void unknownCharsetIsRejectedAndMasked() {
        assertThatThrownBy(() -> BodyText.decode(new byte[] {65}, "text/csv; charset=TSTAABBBBBCCCCCDDDDD7QX4M"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(
                                ((ProblemException) e).problem().errors().get(0).message())
                        .doesNotContain("TSTAABBBBB")
                        .endsWith("which this service cannot read"));
    }

    @Test
    void charsetThatHidesKeyRejected() {
        byte[] utf8 = "key BCDFG-HJKMN-PQRTV-WXY23-46789\n\n".getBytes(StandardCharsets.UTF_8);

        for (String charset : new String[] {"utf-16", "IBM037"}) {
            assertThatThrownBy(() -> BodyText.decode(utf8, "text/plain; charset=" + charset))
                    .as(charset)
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e)
                                    .problem()
                                    .errors()
                                    .get(0)
                                    .field())
                            .isEqualTo("Content-Type"));
        }
        assertThat(BodyText.decode(utf8, "text/plain; charset=windows-1252")).startsWith("key BCDFG-");
    }

    @Test
    void secondKeyHiddenByCharsetRejected() {
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.writeBytes("key BCDFG-HJKMN-PQRTV-WXY23-46789 ".getBytes(StandardCharsets.UTF_16LE));
        mixed.writeBytes("CDFGH-JKMNP-QRTVW-XY234-6789B\n".getBytes(StandardCharsets.UTF_8));
        byte[] enDash = "BCDFG\u2013HJKMN\u2013PQRTV\u2013WXY23\u201346789\n\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> BodyText.decode(mixed.toByteArray(), "text/plain; charset=utf-16le"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> BodyText.decode(enDash, "text/plain; charset=utf-16"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void jsonWithLatin1BytesRejectedWithOffset() {
        byte[] latin1 =
                "{\"notes\": \"line 1\",\n \"stationName\": \"Prüfstand 3\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BodyText.decodeJson(latin1, "application/json"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException problem = (ProblemException) e;
                    assertThat(problem.problem().status()).isEqualTo(400);
                    assertThat(problem.problem().errors().get(0).field()).isEqualTo("body");
                    assertThat(problem.problem().errors().get(0).message())
                            .isEqualTo("is not valid UTF-8: the byte 0xFC at offset 39 (line 2) is not part of a UTF-8"
                                    + " character");
                });
    }

    @Test
    void jsonNamedUtf8WithLatin1BytesRejected() {
        byte[] latin1 = "{\"notes\": \"Prüfstand\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BodyText.decodeJson(latin1, "application/json; charset=UTF-8"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(
                                ((ProblemException) e).problem().errors().get(0).message())
                        .isEqualTo("is not valid UTF-8: the byte 0xFC at offset 13 (line 1) is not part of a UTF-8"
                                + " character"));
    }

    @Test
    void jsonUtf8MarkWithLatin1BytesRejected() {
        byte[] latin1 = withMark(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"notes\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BodyText.decodeJson(latin1, "application/json"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(
                                ((ProblemException) e).problem().errors().get(0).message())
                        .isEqualTo("is not valid UTF-8: the byte 0xE9 at offset 17 (line 1) is not part of a UTF-8"
                                + " character"));
    }

    @Test
    void jsonTruncatedUtf8SequenceRejected() {
        byte[] truncated = {'"', 'a', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> BodyText.decodeJson(truncated, null))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(
                                ((ProblemException) e).problem().errors().get(0).message())
                        .isEqualTo("is not valid UTF-8: the byte 0xE2 at offset 2 (line 1) is not part of a UTF-8"
                                + " character"));
    }

    @Test
    void jsonWithNamedCharsetOrMarkDecoded() {
        String json = "{\"stationName\": \"Prüfstand 3 – Linie 2\"}";

        assertThat(BodyText.decodeJson(json.getBytes(StandardCharsets.UTF_8), "application/json"))
                .isEqualTo(json);
        assertThat(BodyText.decodeJson(
                        json.replace('–', '-').getBytes(StandardCharsets.ISO_8859_1),
                        "application/json; charset=ISO-8859-1"))
                .isEqualTo(json.replace('–', '-'));
        byte[] utf16 = withMark(new byte[] {(byte) 0xFF, (byte) 0xFE}, json.getBytes(StandardCharsets.UTF_16LE));
        assertThat(BodyText.decodeJson(utf16, "application/json")).isEqualTo(json);
    }
}
