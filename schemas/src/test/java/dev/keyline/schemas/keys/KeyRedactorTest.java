package dev.keyline.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRedactorTest {

    // Made-up keys in the 5x5 layout; none of them is a real product key.
    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String OTHER_KEY = "FAKE1-FAKE2-FAKE3-FAKE4-H2K9D";

    private final KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("a-test-secret-of-32-characters!!"));

    @Test
    void masksKeyAndReportsLineAndColumn() {
        RedactedText result = redactor.redact("first line\ncscript slmgr.vbs /ipk " + KEY + " done");

        assertThat(result.text()).isEqualTo("first line\ncscript slmgr.vbs /ipk *****-*****-*****-*****-7QX4M done");
        assertThat(result.findings()).hasSize(1);
        KeyFinding finding = result.findings().get(0);
        assertThat(finding.maskedKey()).isEqualTo("*****-*****-*****-*****-7QX4M");
        assertThat(finding.partialKey()).isEqualTo("7QX4M");
        assertThat(finding.line()).isEqualTo(2);
        assertThat(finding.column()).isEqualTo(24);
        assertThat(finding.fingerprint()).hasSize(64).doesNotContain("7QX4M");
    }

    @Test
    void findsEveryKeyInText() {
        RedactedText result = redactor.redact(KEY + "," + OTHER_KEY.toLowerCase());

        assertThat(result.findings()).extracting(KeyFinding::partialKey).containsExactly("7QX4M", "H2K9D");
        assertThat(result.text()).doesNotContain(KEY).doesNotContainIgnoringCase(OTHER_KEY);
    }

    @Test
    void masksDashedKeyGluedToText() {
        RedactedText result = redactor.redact("pasted key" + KEY + " and x" + KEY.toLowerCase() + "1");

        assertThat(result.text())
                .isEqualTo("pasted key*****-*****-*****-*****-7QX4M and x*****-*****-*****-*****-7QX4M");
        assertThat(result.findings()).extracting(KeyFinding::partialKey).containsExactly("7QX4M", "7QX4M");
        assertThat(KeyRedactor.maskForEcho("ends in X" + KEY + "X"))
                .isEqualTo("ends in X*****-*****-*****-*****-7QX4MX");
    }

    @Test
    void masksKeyWrittenWithoutDashes() {
        RedactedText result = redactor.redact("ProductKey=TSTAABBBBBCCCCCDDDDD7QX4M\n");

        assertThat(result.text()).isEqualTo("ProductKey=*****-*****-*****-*****-7QX4M\n");
        assertThat(result.findings()).hasSize(1);
        KeyFinding finding = result.findings().get(0);
        assertThat(finding.partialKey()).isEqualTo("7QX4M");
        assertThat(finding.column()).isEqualTo(12);
        assertThat(finding.fingerprint())
                .isEqualTo(redactor.redact(KEY).findings().get(0).fingerprint());
        assertThat(KeyRedactor.maskAll("key TSTAABBBBBCCCCCDDDDD7QX4M")).isEqualTo("key *****-*****-*****-*****-7QX4M");
    }

    @Test
    void echoMasksFullWidthSpellings() {
        String lowerUndashed = fullWidth("ktprbcccccdddddfffff7qx4m");
        String spacedGroups = String.join("\u3000", fullWidth("KTPRB"), "CCCCC", "DDDDD", "FFFFF", fullWidth("7QX4M"));

        assertThat(KeyRedactor.maskForEcho("a " + lowerUndashed + " b")).isEqualTo("a *****-*****-*****-*****-7QX4M b");
        assertThat(KeyRedactor.maskForEcho("a " + spacedGroups + " b")).isEqualTo("a *****-*****-*****-*****-7QX4M b");
        assertThat(KeyRedactor.maskForEcho("\uFF21\uFF22 kept")).isEqualTo("\uFF21\uFF22 kept");
        assertThat(ProductKeys.hidesKey(lowerUndashed)).isTrue();
        assertThat(ProductKeys.hiddenKeys(lowerUndashed)).containsExactly("KTPRBCCCCCDDDDDFFFFF7QX4M");
    }

    /** Returns {@code ascii} in full-width forms, as some input methods type it. */
    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
        return wide.toString();
    }

    @Test
    void echoMasksSpacedKeyOfLettersOnly() {
        assertThat(KeyRedactor.maskForEcho("got 'TQBCD FGHJK MPRVW XYBCD FGHJK'"))
                .isEqualTo("got '*****-*****-*****-*****-FGHJK'");
        assertThat(KeyRedactor.maskForEcho("got 'tqbcd fghjk mprvw xybcd fghjk'"))
                .isEqualTo("got '*****-*****-*****-*****-FGHJK'");
    }

    @Test
    void masksKeyOfLettersOnlyWrittenWithoutDashes() {
        RedactedText result = redactor.redact("setup.exe /pkey:TQBCDFGHJKMPRVWXYBCDFGHJK /quiet");

        assertThat(result.text()).isEqualTo("setup.exe /pkey:*****-*****-*****-*****-FGHJK /quiet");
        assertThat(result.findings()).extracting(KeyFinding::partialKey).containsExactly("FGHJK");
        assertThat(result.findings().get(0).fingerprint())
                .isEqualTo(redactor.redact("TQBCD-FGHJK-MPRVW-XYBCD-FGHJK")
                        .findings()
                        .get(0)
                        .fingerprint());
    }

    @Test
    void echoMaskCoversAnyCaseAndSpaces() {
        assertThat(KeyRedactor.maskForEcho("'TSTAA BBBBB CCCCC DDDDD 7QX4M' is not a valid status"))
                .isEqualTo("'*****-*****-*****-*****-7QX4M' is not a valid status");
        assertThat(KeyRedactor.maskForEcho("names line tstaabbbbbcccccddddd7qx4m"))
                .isEqualTo("names line *****-*****-*****-*****-7QX4M");
        assertThat(KeyRedactor.maskForEcho("these items would never crash")).isEqualTo("these items would never crash");
    }

    /** Made up; groups pasted from a log or a spreadsheet come with tabs, runs of spaces or spaced dashes. */
    @Test
    void echoMaskCoversBlankSeparators() {
        List<String> separators = List.of("\t", "  ", "\u00A0", " - ", " \u2013 ", "\u2003", "\t-\t");
        for (String separator : separators) {
            String spelled = String.join(separator, "BCDFG", "HJKMP", "QRTVW", "XY234", "6789Q");

            assertThat(KeyRedactor.maskForEcho("c " + spelled + " d"))
                    .as("groups joined by U+%04X", (int) separator.charAt(0))
                    .isEqualTo("c *****-*****-*****-*****-6789Q d");
        }
        assertThat(KeyRedactor.maskForEcho("tqbcd\tfghjk\tmprvw\txybcd\tfghjk"))
                .isEqualTo("*****-*****-*****-*****-FGHJK");
        assertThat(KeyRedactor.maskForEcho("WORDS  THESE  ARENT  ABOUT  KEYS!"))
                .isEqualTo("WORDS  THESE  ARENT  ABOUT  KEYS!");
        assertThat(KeyRedactor.maskForEcho("FIRST\tCHECK\tTHESE\tWORDS\tAGAIN, step 2"))
                .isEqualTo("FIRST\tCHECK\tTHESE\tWORDS\tAGAIN, step 2");
    }

    @Test
    void keyWithTypographicDashesFound() {
        KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("unit-test-secret"));
        String enDash = String.join("\u2013", "BCDFG", "HJKMN", "PQRTV", "WXY23", "46789");
        String minus = String.join("\u2212", "BCDFG", "HJKMN", "PQRTV", "WXY23", "46789");

        RedactedText redacted = redactor.redact("pasted " + enDash + " and " + minus);

        assertThat(redacted.text()).isEqualTo("pasted *****-*****-*****-*****-46789 and *****-*****-*****-*****-46789");
        assertThat(redacted.findings())
                .extracting(KeyFinding::fingerprint)
                .containsOnly(new KeyFingerprinter("unit-test-secret").fingerprint("BCDFG-HJKMN-PQRTV-WXY23-46789"));
    }

    @Test
    void linesCountedAsStringLinesDoes() {
        KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("unit-test-secret"));
        String key = "BCDFG-HJKMN-PQRTV-WXY23-46789";

        for (String text : List.of("x\ry\rz\rpk " + key, "a\r\nb\rc\npk " + key, "a\nb\n\npk " + key)) {
            KeyFinding finding = redactor.redact(text).findings().get(0);

            assertThat(finding.line())
                    .as(text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(4);
            assertThat(finding.column()).isEqualTo(4);
            assertThat(text.lines().count()).isEqualTo(4);
        }
    }

    @Test
    void otherDashesAndSeparatorsFound() {
        KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("unit-test-secret"));
        String fingerprint = new KeyFingerprinter("unit-test-secret").fingerprint("BCDFG-HJKMN-PQRTV-WXY23-46789");
        List<String> joins = List.of(
                "\uFE58", "\u2E3A", "\u02D7", "\u2796", "\u30FC", "\uFF70", "\u2500", "\u2501", "\u207B", "\u058A",
                "\u301C", "~", "=");

        for (String join : joins) {
            String key = String.join(join, "BCDFG", "HJKMN", "PQRTV", "WXY23", "46789");

            RedactedText redacted = redactor.redact("installed " + key + " today");

            assertThat(redacted.text())
                    .as("joined by U+%04X", (int) join.charAt(0))
                    .isEqualTo("installed *****-*****-*****-*****-46789 today");
            assertThat(redacted.findings()).extracting(KeyFinding::fingerprint).containsExactly(fingerprint);
        }
    }

    @Test
    void plusOrHashListsNotMasked() {
        KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("unit-test-secret"));

        for (String list :
                List.of("GET /search?q=3V66T+J8D6X+TX9XD+QCG7P+7QX4M", "keys #3V66T#J8D6X#TX9XD#QCG7P#7QX4M checked")) {
            RedactedText redacted = redactor.redact(list);

            assertThat(redacted.text()).isEqualTo(list);
            assertThat(redacted.findings()).isEmpty();
        }
    }

    @Test
    void codePageDashesReadAsDashes() {
        KeyRedactor redactor = new KeyRedactor(new KeyFingerprinter("unit-test-secret"));
        // Windows-1252 en dashes (0x96) read as UTF-8, as a log sent without its charset is read.
        String log = new String(
                "key BCDFG\u2013HJKMN\u2013PQRTV\u2013WXY23\u201346789 set".getBytes(Charset.forName("windows-1252")),
                StandardCharsets.UTF_8);

        RedactedText redacted = redactor.redact(log);

        assertThat(log).contains("BCDFG\uFFFDHJKMN");
        assertThat(redacted.text()).isEqualTo("key *****-*****-*****-*****-46789 set");
        assertThat(redacted.findings())
                .extracting(KeyFinding::fingerprint)
                .containsOnly(new KeyFingerprinter("unit-test-secret").fingerprint("BCDFG-HJKMN-PQRTV-WXY23-46789"));
    }

    @Test
    void shortValueMaskedInAnySeparators() {
        for (String value : List.of(
                "BCDFG/HJKMN/PQRTV/WXY23/46789", "bcdfg.hjkmn.pqrtv.wxy23.46789", "BCDFG+HJKMN~PQRTV,WXY23_46789")) {
            assertThat(KeyRedactor.maskShortValue(value)).as(value).isEqualTo("*****-*****-*****-*****-46789");
        }
        assertThat(KeyRedactor.maskShortValue("k:TSTAA/BBBBB/CCCCC/DDDDD/EEEEE"))
                .isEqualTo("k:*****-*****-*****-*****-EEEEE");
        assertThat(KeyRedactor.maskShortValue("charset=x-TSTAA_BBBBB_CCCCC_DDDDD_EEEEE"))
                .isEqualTo("charset=x-*****-*****-*****-*****-EEEEE");
        assertThat(KeyRedactor.maskShortValue("order-2026-12-05/line-1")).isEqualTo("order-2026-12-05/line-1");
        assertThat(KeyRedactor.maskShortValue(null)).isNull();
    }

    @Test
    void maskedFormIsNotFoundAgain() {
        RedactedText once = redactor.redact(KEY);
        RedactedText twice = redactor.redact(once.text());

        assertThat(twice.findings()).isEmpty();
        assertThat(twice.text()).isEqualTo(once.text());
    }

    @Test
    void ignoresGuidsAndShorterGroups() {
        String text = "Activation ID: 0b7e3c1a-6f2d-4a8e-9c51-2d7f80a4e913 and ABCDE-FGHIJ-KLMNO-PQRST";

        assertThat(redactor.redact(text).findings()).isEmpty();
    }

    @Test
    void fingerprintIgnoresCase() {
        KeyFingerprinter fingerprinter = new KeyFingerprinter("a-test-secret-of-32-characters!!");

        assertThat(fingerprinter.fingerprint(KEY.toLowerCase())).isEqualTo(fingerprinter.fingerprint(KEY));
        assertThat(fingerprinter.fingerprint(KEY)).isNotEqualTo(fingerprinter.fingerprint(OTHER_KEY));
    }

    @Test
    void maskAllLeavesNoKey() {
        assertThat(KeyRedactor.maskAll("bad token '" + KEY + "'"))
                .isEqualTo("bad token '*****-*****-*****-*****-7QX4M'");
    }
}
