package dev.keyline.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySpansTest {

    // A made-up key of the letters and digits real keys use; it is not a real product key.
    private static final String KEY = "KTPRB-CCCCC-DDDDD-FFFFF-7QX4M";
    private static final String MASKED = "*****-*****-*****-*****-7QX4M";

    private final KeyFingerprinter fingerprinter = new KeyFingerprinter("a-test-secret-of-32-characters!!");
    private final KeyRedactor redactor = new KeyRedactor(fingerprinter);

    @Test
    void keyWithInvisibleCharactersFoundInAnyCase() {
        List<String> written = List.of(
                "KTPRB-CC\u00ADCCC-DDDDD-FFFFF-7QX4M",
                "ktprb\u200B-ccccc-ddddd-fffff-7qx4m",
                "KTPRBCCCCC\u2060DDDDDFFFFF\uFEFF7QX4M",
                "KTPRB-CC\uDB40\uDC20CCC-DDDDD-FFFFF-7QX4M",
                "KTPRB-CC\u034FCCC-DDDDD-FFFFF-7QX4M",
                "KTPRB-CC\u0000CCC-DDDDD-FFFFF-7QX4M",
                "KTPRB.CC\u00ADCCC.DDDDD.FFFFF.7QX4M");

        for (String key : written) {
            RedactedText result = redactor.redact("note: " + key + " end");

            assertThat(result.text()).as(key).isEqualTo("note: " + MASKED + " end");
            assertThat(result.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.fingerprint()).isEqualTo(fingerprinter.fingerprint(KEY));
                assertThat(finding.column()).isEqualTo(7);
            });
        }
    }

    @Test
    void wrappedKeyFoundOnFirstLine() {
        RedactedText result =
                redactor.redact("line 1\n[12:00] /ipk KTPRB-CCCCC-\r\n    DDDDD-FFFFF-7QX4M\nline 4 " + KEY);

        assertThat(result.text()).isEqualTo("line 1\n[12:00] /ipk " + MASKED + "\nline 4 " + MASKED);
        assertThat(result.findings())
                .extracting(KeyFinding::line, KeyFinding::column)
                .containsExactly(tuple(2, 14), tuple(4, 8));
    }

    @Test
    void keyWithOtherSeparatorsFound() {
        List<String> written = List.of(
                "KTPRB.CCCCC.DDDDD.FFFFF.7QX4M",
                "ktprb_ccccc_ddddd_fffff_7qx4m",
                "KTPRB/CCCCC\\DDDDD_FFFFF.7QX4M",
                "KTPRB.CCCCC.\nDDDDD.FFFFF.7QX4M",
                "KTPRB\uFF0DCCCCC\uFF0DDDDDD\uFF0DFFFFF\uFF0D7QX4M",
                "KTPRB:CCCCC:DDDDD:FFFFF:7QX4M",
                "KTPRB\u2236CCCCC\uFE55DDDDD\uA789FFFFF:7QX4M",
                "ktprb:ccccc:ddddd:fffff:7qx4m",
                "KTPRB*CCCCC*DDDDD*FFFFF*7QX4M",
                "KTPRB\u00B7CCCCC\u2022DDDDD\u2027FFFFF\u2219" + "7QX4M",
                "KTPRB\u22C5CCCCC\u30FBDDDDD\u3002FFFFF\u3002" + "7QX4M",
                "KTPRB%2DCCCCC%2dDDDDD&#45;FFFFF&#x2D;7QX4M",
                "ktprb\\u002dccccc\\u002Dddddd\\x2dfffff&#x002d;7qx4m",
                "KTPRB&#045;CCCCC&#x2dDDDDD%252DFFFFF&hyphen;7QX4M",
                "KTPRB%2ECCCCC&#46;DDDDD\\u002eFFFFF&lowbar;7QX4M",
                "KTPRB&#42889;CCCCC&#x2E3A;DDDDD&ndash;FFFFF&centerdot;7QX4M",
                "KTPRB%2DCCCCC\n    %2DDDDDD%2DFFFFF%2D7QX4M");

        for (String key : written) {
            assertMaskedAsKey("id=", key, ";");
        }
    }

    @Test
    void fullWidthKeyFound() {
        List<String> written = List.of(
                "\uFF2B\uFF34\uFF30\uFF32\uFF22-CCCCC-DDDDD-FFFFF-\uFF17\uFF31\uFF38\uFF14\uFF2D",
                "\uFF2B\uFF34\uFF30\uFF32\uFF22\uFF0D\uFF23\uFF23\uFF23\uFF23\uFF23\uFF0DDDDDD.FFFFF.7QX4M");

        for (String key : written) {
            assertMaskedAsKey("pasted ", key, " here");
        }
    }

    @Test
    void fullWidthFoldedOneForOne() {
        assertThat(KeySpans.foldFullWidth("\uFF21\uFF5A\uFF10\uFF0D\uFF01\uFF5E\u3000x"))
                .isEqualTo("Az0-!~ x");
        assertThat(KeySpans.foldFullWidth("no full-width \u00E9 here")).isEqualTo("no full-width \u00E9 here");
    }

    @Test
    void keyGluedToTextFound() {
        assertThat(KeyRedactor.maskAll("productkeyKTPRB-CC\u00ADCCC-DDDDD-FFFFF-7QX4M"))
                .isEqualTo("productkey" + MASKED);
        assertThat(KeyRedactor.maskAll("hash=AbCdEfKTPRB/CCCCC/DDDDD/FFFFF/7QX4M"))
                .isEqualTo("hash=AbCdEf" + MASKED);
    }

    @Test
    void keyAfterLongerRunOfGroupsFound() {
        assertThat(KeyRedactor.maskAll("list AAAAA.KTPRB.CCCCC.DDDDD.FFFFF.7QX4M end"))
                .isEqualTo("list " + MASKED + " end");
        assertThat(KeyRedactor.maskAll("BBBBB.BBBBB.BBBBB.BBBBB.KTPRB.CCCCC.DDDDD.FFFFF.7QX4M"))
                .isEqualTo(MASKED);
    }

    @Test
    void keyAfterDecoyGroupsMasked() {
        List<String> written = List.of(
                "xxxxx-xxxxx-xxxxx-xxxxx-KTPRB-CCCCC-DDDDD-FFFFF-7QX4M",
                "AAAAA-AAAAA-AAAAA-AAAAA-KTPRB.CCCCC.DDDDD.FFFFF.7QX4M",
                "00001-00002-00003-00004-KTPRBCCCCCDDDDDFFFFF7QX4M");

        for (String key : written) {
            assertMaskedAsKey("build ", key, " done");
        }
    }

    @Test
    void keyBehindDecoysAndLineBreakMasked() {
        List<String> written = List.of(
                "AAAAA-AAAAA-AAAAA-AAAAA-KTPRB-\nCCCCC-DDDDD-FFFFF-7QX4M",
                "AAAAA-AAAAA-AAAAA-AAAAA-KTPRB-\u200BCCCCC-DDDDD-FFFFF-7QX4M",
                "KTPRB-CCCCC-DDDDD-FFFFF\u200B-7QX4M-AAAAA-AAAAA-AAAAA-AAAAA",
                "KTPRB-CCCCC-DDDDD-FFFFF\n-7QX4M-AAAAA-AAAAA-AAAAA-AAAAA");

        for (String key : written) {
            assertMaskedAsKey("key ", key, " done");
        }
    }

    @Test
    void twoKeysInOneRunFoundApart() {
        RedactedText result = redactor.redact("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M," + KEY + "-extra");

        assertThat(result.text()).isEqualTo("*****-*****-*****-*****-7QX4M," + MASKED);
        assertThat(result.findings())
                .extracting(KeyFinding::fingerprint)
                .containsExactly(
                        fingerprinter.fingerprint("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M"), fingerprinter.fingerprint(KEY));
    }

    @Test
    void lookalikeTextLeftAlone() {
        List<String> texts = List.of(
                "Start - ready - setup - check - close",
                "steps: alpha -\nbravo - delta - gamma - omega",
                "build_cache_files_index_entry",
                "C:/Users/Admin/Setup/Files/xyz.log",
                "C:\\BUILD\\WIN10\\X64V2\\DRVR1\\INF01\\oem.inf",
                "C%3A%5CBUILD%5CWIN10%5CX64V2%5CDRVR1%5CINF01%5Coem.inf",
                "rev B2C4D&#46;F6G7H&period;J8K9M%2EN2P3Q\\u002eR4T6V",
                "stations online: ST001,ST002,ST003,ST004,ST005",
                "ERROR -\nCODE1-CODE2-CODE3-CODE4 failed",
                "ABCDE-\u00ADABCDE-\u00ADABCDE-\u00ADABCDE-\u00ADABCDE",
                "10.0.19041.1234.56789",
                "aGVsbG8gd29ybGQgdGhpcyBpcyBhIGhhcmR3YXJlIGhhc2g=",
                "HWID Tk9Q2/Hd8Kx/Qm7Pn/Rv3Wb/Yc6Jg/Xf4D",
                "free blocks 23467 89234 67892 34678 92346",
                "ports: 23467, 89234, 67892, 34678, 92346",
                "ids: DX429,GH273,KP846,MN932,QR274",
                "rev B2C4D.F6G7H.J8K9M.N2P3Q.R4T6V",
                "partial keys 3V66T, J8D6X, TX9XD, QCG7P, 7QX4M provisioned",
                "partial keys 3V66T,J8D6X,TX9XD,QCG7P,7QX4M",
                "parts CD7K2 | 9TJMR | F3XG8 | HN4BW | 2PQ7V",
                "KTPRB - CCCCC - DDDDD - FFFFF - 7QX4M",
                "Lizenz\u00ADschl\u00FCssel\u00ADverwaltungs\u00ADdienst",
                "Lizenz\u00ADschluessel\u00ADpruefungs");

        for (String text : texts) {
            assertThat(redactor.redact(text).findings()).as(text).isEmpty();
            assertThat(KeyRedactor.maskAll(text)).isEqualTo(text);
        }
    }

    @Test
    void maskAllCoversEveryForm() {
        assertThat(KeyRedactor.maskAll("a KTPRB-CCCCC-DDDDD-\nFFFFF-7QX4M b KTPRB\u00AD-CCCCC-DDDDD-FFFFF-7QX4M c"))
                .isEqualTo("a " + MASKED + " b " + MASKED + " c");
        assertThat(KeyRedactor.maskForEcho("x KTPRB_CCCCC_DDDDD_FFFFF_7QX4M")).isEqualTo("x " + MASKED);
    }

    /** Checks that {@code key} between {@code before} and {@code after} is masked and found as {@link #KEY}. */
    private void assertMaskedAsKey(String before, String key, String after) {
        RedactedText result = redactor.redact(before + key + after);

        assertThat(result.text()).as(key).isEqualTo(before + MASKED + after);
        assertThat(result.findings())
                .extracting(KeyFinding::fingerprint)
                .containsExactly(fingerprinter.fingerprint(KEY));
    }
}
