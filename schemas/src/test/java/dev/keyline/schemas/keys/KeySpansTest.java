package dev.keyline.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySpansTest {

    // Made-up keys in the 5x5 layout; none of them is a real product key.
    private static final String KEY = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String MASKED = "*****-*****-*****-*****-7QX4M";

    private final KeyFingerprinter fingerprinter = new KeyFingerprinter("a-test-secret-of-32-characters!!");
    private final KeyRedactor redactor = new KeyRedactor(fingerprinter);

    @Test
    void keyWithInvisibleCharactersFoundInAnyCase() {
        String softHyphens = "TSTAA-BB\u00ADBBB-CCCCC-DDDDD-7QX4M";
        String zeroWidth = "tstaa\u200B-bbbbb-ccccc-ddddd-7qx4m";
        String undashed = "TSTAABBBBB\u2060CCCCCDDDDD\uFEFF7QX4M";

        for (String written : List.of(softHyphens, zeroWidth, undashed)) {
            RedactedText result = redactor.redact("note: " + written + " end");

            assertThat(result.text()).as(written).isEqualTo("note: " + MASKED + " end");
            assertThat(result.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.fingerprint()).isEqualTo(fingerprinter.fingerprint(KEY));
                assertThat(finding.column()).isEqualTo(7);
            });
        }
    }

    @Test
    void wrappedKeyFoundOnFirstLine() {
        RedactedText result =
                redactor.redact("line 1\n[12:00] /ipk TSTAA-BBBBB-\r\n    CCCCC-DDDDD -7QX4M\nline 4 " + KEY);

        assertThat(result.text()).isEqualTo("line 1\n[12:00] /ipk " + MASKED + "\nline 4 " + MASKED);
        assertThat(result.findings())
                .extracting(KeyFinding::line, KeyFinding::column)
                .containsExactly(tuple(2, 14), tuple(4, 8));
    }

    @Test
    void keyWithOtherSeparatorsFound() {
        for (String written : List.of(
                "TSTAA.BBBBB.CCCCC.DDDDD.7QX4M", "TSTAA_BBBBB_CCCCC_DDDDD_7QX4M", "TSTAA/BBBBB/CCCCC/DDDDD/7QX4M")) {
            RedactedText result = redactor.redact("id=" + written + ";");

            assertThat(result.text()).as(written).isEqualTo("id=" + MASKED + ";");
            assertThat(result.findings())
                    .extracting(KeyFinding::fingerprint)
                    .containsExactly(fingerprinter.fingerprint(KEY));
        }
    }

    @Test
    void lookalikeTextLeftAlone() {
        List<String> texts = List.of(
                "Start - ready - setup - check - close",
                "steps: alpha -\nbravo - delta - gamma - omega",
                "build_cache_files_index_entry",
                "C:/Users/Admin/Setup/Files/xyz.log",
                "10.0.19041.1234.56789",
                "ABCDE.FGHIJ.KLMNO.PQRST.UVWXY",
                "TSTAA.BBBBB_CCCCC.DDDDD.7QX4M",
                "Lizenz\u00ADschl\u00FCssel\u00ADverwaltungs\u00ADdienst",
                "Lizenz\u00ADschluessel\u00ADpruefungs");

        for (String text : texts) {
            assertThat(redactor.redact(text).findings()).as(text).isEmpty();
            assertThat(KeyRedactor.maskAll(text)).isEqualTo(text);
        }
    }

    @Test
    void maskAllCoversEveryForm() {
        assertThat(KeyRedactor.maskAll("a TSTAA-BBBBB-CCCCC-\nDDDDD-7QX4M b TSTAA\u00AD-BBBBB-CCCCC-DDDDD-7QX4M c"))
                .isEqualTo("a " + MASKED + " b " + MASKED + " c");
        assertThat(KeyRedactor.maskForEcho("x TSTAA_BBBBB_CCCCC_DDDDD_7QX4M")).isEqualTo("x " + MASKED);
    }
}
