package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.schemas.keys.KeyFingerprinter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingParsersTest {

    // Made-up key in the 5x5 layout.
    private static final String KEY = "VAMTS-AAAAA-BBBBB-CCCCC-V4MT1";
    private static final KeyFingerprinter FINGERPRINTER = new KeyFingerprinter("a-test-secret-of-32-characters!!");
    private static final Instant DEFAULT = Instant.parse("2026-12-01T00:00:00Z");

    private static final String CILX =
            """
            <?xml version="1.0" encoding="utf-8"?>
            <VolumeActivationManagementToolData VamtVersion="3.1">
              <SoftwareLicensingData>
                <ProductKeys>
                  <ProductKey>
                    <KeyValue>%s</KeyValue>
                    <KeyType>MAK</KeyType>
                    <RemainingActivations>13</RemainingActivations>
                    <LastUpdate>2026-11-30T10:15:00</LastUpdate>
                    <KeyDescription>Line 1 ePKEA</KeyDescription>
                  </ProductKey>
                  <ProductKey>
                    <PartialProductKey>h2k9d</PartialProductKey>
                    <RemainingActivations>40</RemainingActivations>
                  </ProductKey>
                </ProductKeys>
              </SoftwareLicensingData>
            </VolumeActivationManagementToolData>
            """
                    .formatted(KEY);

    @Test
    void cilxFingerprintsAndDropsFullKey() {
        ReadingFile file = VamtCilxParser.parse(CILX, FINGERPRINTER, DEFAULT);

        assertThat(file.fullKeysDropped()).isEqualTo(1);
        assertThat(file.problems()).isEmpty();
        assertThat(file.readings()).hasSize(2);
        MicrosoftReading first = file.readings().get(0);
        assertThat(first.fingerprint()).isEqualTo(FINGERPRINTER.fingerprint(KEY));
        assertThat(first.remaining()).isEqualTo(13);
        assertThat(first.readAt()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
        assertThat(first.toString()).doesNotContain(KEY);
        MicrosoftReading second = file.readings().get(1);
        assertThat(second.partialKey()).isEqualTo("H2K9D");
        assertThat(second.readAt()).isEqualTo(DEFAULT);
    }

    @Test
    void cilxEmptyLastUpdateTakesReadAt() {
        String cilx = "<VolumeActivationManagementToolData><SoftwareLicensingData><ProductKeys><ProductKey>"
                + "<PartialProductKey>H2K9D</PartialProductKey><RemainingActivations>5</RemainingActivations>"
                + "<LastUpdate/></ProductKey></ProductKeys></SoftwareLicensingData>"
                + "</VolumeActivationManagementToolData>";

        ReadingFile file = VamtCilxParser.parse(cilx, FINGERPRINTER, DEFAULT);

        assertThat(file.problems()).isEmpty();
        assertThat(file.readings()).extracting(MicrosoftReading::readAt).containsExactly(DEFAULT);
    }

    @Test
    void cilxRefusesDoctype() {
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE VolumeActivationManagementToolData [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <VolumeActivationManagementToolData>&x;</VolumeActivationManagementToolData>
                """;

        assertThatThrownBy(() -> VamtCilxParser.parse(xxe, FINGERPRINTER, DEFAULT))
                .isInstanceOf(VamtCilxParser.InvalidExportException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void cilxRejectsOtherRoot() {
        assertThatThrownBy(() -> VamtCilxParser.parse("<Other/>", FINGERPRINTER, DEFAULT))
                .hasMessageContaining("not VolumeActivationManagementToolData");
    }

    @Test
    void cilxNestedTooDeepRejected() {
        String deep = "<a>".repeat(20_000) + "x" + "</a>".repeat(20_000);
        String cilx = CILX.replace("<KeyDescription>Line 1 ePKEA</KeyDescription>", "<Notes>" + deep + "</Notes>");

        assertThatThrownBy(() -> VamtCilxParser.parse(cilx, FINGERPRINTER, DEFAULT))
                .isInstanceOf(VamtCilxParser.InvalidExportException.class)
                .hasMessage("the file nests elements more than 64 deep, down to a; a VAMT export nests them 5 deep,"
                        + " so send the .cilx file that VAMT exported");
    }

    @Test
    void cilxNestedToLimitRead() {
        // The root is level 1 and Notes level 6, so 58 more levels reach the limit of 64.
        String deep = "<a>".repeat(58) + "x" + "</a>".repeat(58);
        String cilx = CILX.replace("<KeyDescription>Line 1 ePKEA</KeyDescription>", "<Notes>" + deep + "</Notes>");

        assertThat(VamtCilxParser.parse(cilx, FINGERPRINTER, DEFAULT).readings())
                .hasSize(2);
    }

    @Test
    void malformedCilxNamesLineAndColumn() {
        assertThatThrownBy(() -> VamtCilxParser.parse(
                        "<VolumeActivationManagementToolData>\n  <ProductKeys>\n", FINGERPRINTER, DEFAULT))
                .isInstanceOf(VamtCilxParser.InvalidExportException.class)
                .hasMessage("the file is not well-formed XML at line 3, column 1: XML document structures must start"
                        + " and end within the same entity. Export the data from VAMT as a .cilx file again, or fix"
                        + " the file at that place.");
    }

    @Test
    void cilxEntryWithTwoKeysRejected() {
        String other = "WXYBC-DFGHJ-KMPQR-TVWXY-2M3T9";
        String cilx = CILX.replace("<KeyDescription>Line 1 ePKEA</KeyDescription>", "<Notes>" + other + "</Notes>");

        ReadingFile file = VamtCilxParser.parse(cilx, FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).extracting(MicrosoftReading::line).containsExactly(2);
        assertThat(file.fullKeysDropped()).isEqualTo(2);
        assertThat(file.problems())
                .containsExactly("ProductKey 1 contains 2 different full keys; keep only the key of this entry");
    }

    @Test
    void keyColumnReadInAnySpelling() {
        String lowerUndashed = KEY.toLowerCase(java.util.Locale.ROOT).replace("-", "");
        String csv = "productKey,remainingActivations\n" + lowerUndashed + ",4\nKey: " + KEY + ",5\n";
        String cilx = CILX.replace("<KeyValue>" + KEY, "<KeyValue>Key: " + lowerUndashed);

        ReadingFile fromCsv = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);
        ReadingFile fromCilx = VamtCilxParser.parse(cilx, FINGERPRINTER, DEFAULT);

        assertThat(fromCsv.readings())
                .extracting(MicrosoftReading::fingerprint)
                .containsExactly(FINGERPRINTER.fingerprint(KEY), FINGERPRINTER.fingerprint(KEY));
        assertThat(fromCsv.fullKeysDropped()).isEqualTo(2);
        assertThat(fromCilx.readings().get(0).fingerprint()).isEqualTo(FINGERPRINTER.fingerprint(KEY));
        assertThat(fromCilx.fullKeysDropped()).isEqualTo(1);
    }

    @Test
    void csvReadsColumnsInAnyOrder() {
        String csv = "Remaining Activations,Product Key,Last Update\n"
                + "13," + KEY + ",2026-11-30 10:15:00\n"
                + "\n"
                + "many,,\n"
                + ",,\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, null);

        assertThat(file.readings()).hasSize(1);
        assertThat(file.readings().get(0).fingerprint()).isEqualTo(FINGERPRINTER.fingerprint(KEY));
        assertThat(file.readings().get(0).readAt()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
        assertThat(file.fullKeysDropped()).isEqualTo(1);
        assertThat(file.problems())
                .containsExactly("line 4: no lastUpdate; add the column or pass the readAt query parameter");
    }

    @Test
    void csvWithoutRemainingColumnIsRejected() {
        ReadingFile file = ReadingCsvParser.parse("keyId,count\nKEY-A,3\n", FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).isEmpty();
        assertThat(file.problems()).containsExactly("the header has no remainingActivations column");
    }

    @Test
    void csvWithoutKeyColumnIsRejected() {
        ReadingFile file = ReadingCsvParser.parse("key name,remainingActivations\nKEY-A,3\n", FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).isEmpty();
        assertThat(file.problems())
                .containsExactly("the header has no key column; name one keyId, partialKey or productKey");
    }

    @Test
    void csvNamesTheUnreadableColumnAndValue() {
        String csv = "keyId,remainingActivations,lastUpdate\n"
                + "KEY-A,many,2026-11-30\n"
                + "KEY-B,-3,2026-11-30\n"
                + "KEY-C,,2026-11-30\n"
                + "KEY-D,4,yesterday\n"
                + "KEY-E,5," + KEY + "\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).isEmpty();
        assertThat(file.problems())
                .containsExactly(
                        "line 2: remainingActivations 'many' is not a whole number from 0 to 100000000",
                        "line 3: remainingActivations '-3' is not a whole number from 0 to 100000000",
                        "line 4: remainingActivations (empty) is not a whole number from 0 to 100000000",
                        "line 5: lastUpdate 'yesterday' is not a date",
                        "line 6: lastUpdate '*****-*****-*****-*****-V4MT1' is not a date");
    }

    @Test
    void countAboveLargestAllotmentRejected() {
        String csv = "keyId,remainingActivations,lastUpdate\n"
                + "KEY-A,100000000,2026-11-30T00:00:00Z\n"
                + "KEY-B,100000001,2026-11-30T00:00:00Z\n"
                + "KEY-C,9223372036854775807,2026-11-30T00:00:00Z\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).extracting(MicrosoftReading::remaining).containsExactly(100_000_000L);
        assertThat(file.problems())
                .containsExactly(
                        "line 3: remainingActivations '100000001' is not a whole number from 0 to 100000000",
                        "line 4: remainingActivations '9223372036854775807' is not a whole number from 0 to"
                                + " 100000000");
    }

    @Test
    void csvRepeatedColumnRejected() {
        String csv = "keyId,KeyID,remainingActivations,remainingActivations\nKEY-A,KEY-B,4,5\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).isEmpty();
        assertThat(file.problems())
                .containsExactly("the header repeats the column names 'KeyID', 'remainingActivations' (compared"
                        + " without case or punctuation); keep one column of each name");
    }

    @Test
    void csvQuotedLineBreakKeepsRow() {
        String csv = "keyId,note,remainingActivations,lastUpdate\n"
                + "KEY-A,\"boxed\nand shipped\",4,2026-11-30T00:00:00Z\n"
                + "KEY-B,,many,2026-11-30T00:00:00Z\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).extracting(MicrosoftReading::keyId).containsExactly("KEY-A");
        assertThat(file.readings()).extracting(MicrosoftReading::line).containsExactly(2);
        assertThat(file.problems())
                .containsExactly("line 4: remainingActivations 'many' is not a whole number from 0 to 100000000");
    }

    @Test
    void csvSplitsQuotedFields() {
        assertThat(ReadingCsvParser.split("a,\"b,c\",\"say \"\"hi\"\"\"")).containsExactly("a", "b,c", "say \"hi\"");
    }
}
