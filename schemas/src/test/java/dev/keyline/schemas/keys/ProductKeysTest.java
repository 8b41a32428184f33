package dev.keyline.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductKeysTest {

    // Made-up keys; none of them is a real product key.
    private static final String DASHED = "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M";
    private static final String DASHLESS = "TSTAABBBBBCCCCCDDDDD7QX4M";

    @Test
    void dashedKeyMatchesAnyCase() {
        assertThat(ProductKeys.isFullKey(DASHED)).isTrue();
        assertThat(ProductKeys.isFullKey(DASHED.toLowerCase())).isTrue();
        assertThat(ProductKeys.isFullKey("  " + DASHED + "\n")).isTrue();
    }

    @Test
    void dashlessUpperCaseKeyMatches() {
        assertThat(ProductKeys.isFullKey(DASHLESS)).isTrue();
        assertThat(ProductKeys.FULL_KEY.matcher("pkey=" + DASHLESS + ";").find())
                .isTrue();
        assertThat(ProductKeys.FULL_KEY.matcher("/keys/" + DASHLESS).find()).isTrue();
    }

    @Test
    void dashlessKeyOfLettersOnlyMatches() {
        String lettersOnly = "TQBCDFGHJKMPRVWXYBCDFGHJK";

        assertThat(ProductKeys.isFullKey(lettersOnly)).isTrue();
        assertThat(ProductKeys.FULL_KEY
                        .matcher("ProductKey=" + lettersOnly + ".")
                        .find())
                .isTrue();
        assertThat(KeyRedactor.maskAll("key " + lettersOnly + " left"))
                .isEqualTo("key *****-*****-*****-*****-FGHJK left");
    }

    @Test
    void lookalikeTokensAreNotKeys() {
        assertThat(ProductKeys.isFullKey(DASHLESS.toLowerCase()))
                .as("lower case")
                .isFalse();
        assertThat(ProductKeys.isFullKey("TstaaBBBBBCCCCCDDDDD7QX4M"))
                .as("mixed case")
                .isFalse();
        assertThat(ProductKeys.isFullKey(DASHLESS.substring(1)))
                .as("24 characters")
                .isFalse();
        assertThat(ProductKeys.isFullKey(DASHLESS + "Q")).as("26 characters").isFalse();
        assertThat(ProductKeys.isFullKey("A".repeat(25)))
                .as("no digit, a vowel")
                .isFalse();
        assertThat(ProductKeys.isFullKey("TSTAABBBBBCCCCCDDDDDXQXRM"))
                .as("no digit, letters outside the key alphabet")
                .isFalse();
        assertThat(ProductKeys.isFullKey("BCDFGHJKMPQRTVWXYBCDFGHJL"))
                .as("no digit, an L")
                .isFalse();
        assertThat(ProductKeys.isFullKey("7".repeat(25))).as("no letter").isFalse();
        assertThat(ProductKeys.FULL_KEY.matcher("SERIAL" + DASHLESS).find())
                .as("inside a longer token")
                .isFalse();
        assertThat(ProductKeys.FULL_KEY
                        .matcher("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                        .find())
                .as("SHA-256 hex")
                .isFalse();
    }

    @Test
    void separatorsDoNotHideAKey() {
        assertThat(ProductKeys.hidesKey("TSTAA.BBBBB.CCCCC.DDDDD.7QX4M")).isTrue();
        assertThat(ProductKeys.hidesKey("tstaa_bbbbb_ccccc_ddddd_7qx4m")).isTrue();
        assertThat(ProductKeys.hidesKey("TSTAA BBBBB CCCCC DDDDD 7QX4M")).isTrue();
        assertThat(ProductKeys.hidesKey("TQBCD FGHJK MPRVW XYBCD FGHJK"))
                .as("letters only")
                .isTrue();
        assertThat(ProductKeys.hidesKey("tqbcd fghjk mprvw xybcd fghjk"))
                .as("lower case")
                .isTrue();
        assertThat(ProductKeys.hidesKey("these words could never be"))
                .as("five words")
                .isFalse();
        assertThat(ProductKeys.hidesKey("0b7e3c1a-6f2d-4a8e-9c51-2d7f80a4e913"))
                .as("UUID")
                .isFalse();
        assertThat(ProductKeys.hidesKey("KEY-B")).isFalse();
        assertThat(ProductKeys.hidesKey("key-(low|exhausted)")).isFalse();
    }

    @Test
    void keyGluedToTextFound() {
        assertThat(ProductKeys.hidesKeyInText("caseBCDFGHJKMNPQRTVWXY2346789")).isTrue();
        assertThat(ProductKeys.hidesKeyInText("case bcdfghjkmnpqrtvwxy2346789x"))
                .isTrue();
        assertThat(ProductKeys.hidesKeyInText("SR-BCDFG.HJKMN.PQRTV.WXY23.46789-1"))
                .isTrue();
        assertThat(ProductKeys.hidesKeyInText("order tstaabbbbbcccccddddd7qx4m"))
                .as("what hidesKey finds")
                .isTrue();
        assertThat(ProductKeys.hidesKeyInText("case \uD835\uDC01\uD835\uDC02\uD835\uDC03" + "DFGHJKMNPQRTVWXY2346789"))
                .as("mathematical bold letters")
                .isTrue();
        assertThat(ProductKeys.hidesKeyInText("\u24B7\u24B8\u24B9" + "FGHJKMNPQRTVWXY23467898"))
                .as("circled letters")
                .isTrue();
        assertThat(ProductKeys.hidesKeyInText(null)).isFalse();
    }

    @Test
    void alphabetRunLeavesWordsAlone() {
        assertThat(ProductKeys.hasKeyAlphabetRun("Duplicate field 'activations'"))
                .isFalse();
        assertThat(ProductKeys.hidesKey("Duplicate field 'activations'"))
                .as("25 letters once punctuation is removed")
                .isTrue();
        assertThat(ProductKeys.hasKeyAlphabetRun("caseBCDFGHJKMNPQRTVWXY2346789"))
                .isTrue();
    }

    @Test
    void referencesWithoutKeyLeftAlone() {
        assertThat(ProductKeys.hidesKeyInText("Microsoft SR 2512060040001234 ok"))
                .isFalse();
        assertThat(ProductKeys.hidesKeyInText("REQ-2026-12-06-LIFT-BLOCK")).isFalse();
        assertThat(ProductKeys.hidesKeyInText("2346789".repeat(4)))
                .as("digits only")
                .isFalse();
        assertThat(ProductKeys.hidesKeyInText("B" + "2346789".repeat(4)))
                .as("one letter, then digits")
                .isTrue();
        assertThat(ProductKeys.hidesKeyInText("B" + "2346789".repeat(4) + "X")).isTrue();
        assertThat(ProductKeys.hidesKeyInText("B" + "A" + "2346789".repeat(4)))
                .as("a letter outside the alphabet breaks the run")
                .isFalse();
    }

    @Test
    void hiddenKeysInUpperCaseWithoutSeparators() {
        assertThat(ProductKeys.hiddenKeys("sn-" + DASHLESS.toLowerCase())).containsExactly(DASHLESS);
        assertThat(ProductKeys.hiddenKeys("TSTAA.BBBBB.CCCCC.DDDDD.7QX4M")).containsExactly(DASHLESS);
        assertThat(ProductKeys.hiddenKeys("TSTAA/BBBBB/CCCCC/DDDDD/7QX4M")).containsExactly(DASHLESS);
        assertThat(ProductKeys.hiddenKeys(DASHED + "," + DASHED)).containsExactly(DASHLESS, DASHLESS);
        assertThat(ProductKeys.hiddenKeys("SN-0001")).isEmpty();
    }

    @Test
    void spellingsNormalizeToDashedKey() {
        assertThat(ProductKeys.normalize(DASHLESS)).isEqualTo(DASHED);
        assertThat(ProductKeys.normalize(" " + DASHED.toLowerCase() + " ")).isEqualTo(DASHED);
        assertThat(ProductKeys.partialKey(DASHLESS)).isEqualTo("7QX4M");
        assertThat(ProductKeys.mask(DASHLESS)).isEqualTo("*****-*****-*****-*****-7QX4M");
    }

    @Test
    void bothSpellingsHaveOneFingerprint() {
        KeyFingerprinter fingerprinter = new KeyFingerprinter("a-test-secret-of-32-characters!!");

        assertThat(fingerprinter.fingerprint(DASHLESS)).isEqualTo(fingerprinter.fingerprint(DASHED));
    }
}
