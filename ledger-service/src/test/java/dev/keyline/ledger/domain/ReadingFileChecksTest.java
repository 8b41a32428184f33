package dev.keyline.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.keys.KeyFingerprinter;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Import rows that put a key in the wrong column, carry a negative count or a date in the future. */
class ReadingFileChecksTest {

    // Made-up key in the 5x5 layout.
    private static final String KEY = "VAMTS-AAAAA-BBBBB-CCCCC-V4MT1";
    private static final KeyFingerprinter FINGERPRINTER = new KeyFingerprinter("a-test-secret-of-32-characters!!");
    private static final Instant DEFAULT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void fullKeyInKeyIdColumnFingerprinted() {
        String csv = "keyId,remainingActivations\n" + KEY + ",4\n"
                + KEY.replace("-", "").toLowerCase() + ",5\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        assertThat(file.problems()).isEmpty();
        assertThat(file.fullKeysDropped()).isEqualTo(2);
        assertThat(file.readings())
                .extracting(MicrosoftReading::fingerprint, MicrosoftReading::keyId, MicrosoftReading::remaining)
                .containsExactly(
                        Tuple.tuple(FINGERPRINTER.fingerprint(KEY), null, 4L),
                        Tuple.tuple(FINGERPRINTER.fingerprint(KEY), null, 5L));
        assertThat(file.toString())
                .doesNotContain(KEY)
                .doesNotContain(KEY.replace("-", "").toLowerCase());
    }

    @Test
    void keyInPartialKeyTextRejected() {
        String csv = "partialKey,remainingActivations\nkey " + KEY + ",4\n";

        ReadingFile file = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        assertThat(file.readings()).isEmpty();
        assertThat(file.problems())
                .containsExactly("line 2: the partialKey column holds text with a product key; put the full key"
                        + " alone in the productKey column, where it is fingerprinted and dropped");
    }

    @Test
    void cilxNegativeCountAndFullPartialKey() {
        String cilx =
                """
                <VolumeActivationManagementToolData><SoftwareLicensingData><ProductKeys>
                  <ProductKey><PartialProductKey>H2K9D</PartialProductKey>
                    <RemainingActivations>-3</RemainingActivations></ProductKey>
                  <ProductKey><PartialProductKey>%s</PartialProductKey>
                    <RemainingActivations>7</RemainingActivations></ProductKey>
                </ProductKeys></SoftwareLicensingData></VolumeActivationManagementToolData>
                """
                        .formatted(KEY);

        ReadingFile file = VamtCilxParser.parse(cilx, FINGERPRINTER, DEFAULT);

        assertThat(file.problems())
                .containsExactly("ProductKey 1: RemainingActivations '-3' is not a whole number from 0 to 100000000");
        assertThat(file.fullKeysDropped()).isEqualTo(1);
        assertThat(file.readings()).hasSize(1);
        MicrosoftReading reading = file.readings().get(0);
        assertThat(reading.fingerprint()).isEqualTo(FINGERPRINTER.fingerprint(KEY));
        assertThat(reading.partialKey()).isNull();
        assertThat(reading.remaining()).isEqualTo(7);
    }

    @Test
    void readingsOutsideTimesMoveToProblems() {
        String csv =
                "keyId,remainingActivations,lastUpdate\nKEY-A,9,2036-12-04T10:00:00Z\nKEY-A,5,2026-12-05T03:00:00Z\n"
                        + "KEY-A,4,0001-01-01T00:00:00Z\n";
        ReadingFile parsed = ReadingCsvParser.parse(csv, FINGERPRINTER, DEFAULT);

        ReadingFile file = parsed.withoutReadingsOutside(
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2026-12-05T03:05:00Z"));

        assertThat(file.readings()).extracting(MicrosoftReading::remaining).containsExactly(5L);
        assertThat(file.problems())
                .containsExactly(
                        "reading 2: dated 2036-12-04T10:00:00Z, later than now (2026-12-05T03:05:00Z with clock"
                                + " tolerance); check lastUpdate or readAt",
                        "reading 4: dated 0001-01-01T00:00:00Z, before 2000-01-01T00:00:00Z, so the date is a"
                                + " placeholder or a typing error; check lastUpdate or readAt");
    }
}
