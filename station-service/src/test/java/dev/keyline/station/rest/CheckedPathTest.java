package dev.keyline.station.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckedPathTest {

    @Test
    void keyInFolderNameMasked() {
        assertThat(ArtifactResource.checkedPath("C:\\keys\\tstha.bbbbb.ccccc.ddddd.7qx3m\\unattend.xml"))
                .isEqualTo("C:\\keys\\*****-*****-*****-*****-7QX3M\\unattend.xml");
        assertThat(ArtifactResource.checkedPath("C:/keys/TSTHB.BBBBB_CCCCC.DDDDD.7QX3N/unattend.xml"))
                .isEqualTo("C:/keys/*****-*****-*****-*****-7QX3N/unattend.xml");
    }

    @Test
    void keyGluedOrBracketedInFileNameMasked() {
        // x is a key character too, so which 25 characters are the key is unknown, and the whole name is masked.
        assertThat(ArtifactResource.checkedPath("C:\\Setup\\xKtPRB.CCCCC.DDDDD.FFFFF.7QX4Mx.xml"))
                .matches("C:\\\\Setup\\\\\\*{5}-\\*{5}-\\*{5}-\\*{5}-[A-Z0-9]{5}");
        assertThat(ArtifactResource.checkedPath("C:\\Setup\\unattend(KTPRB)(CCCCC)(DDDDD)(FFFFF)(7QX4M).xml"))
                .matches("C:\\\\Setup\\\\\\*{5}-\\*{5}-\\*{5}-\\*{5}-[A-Z0-9]{5}");
    }

    @Test
    void ordinaryPathKept() {
        assertThat(ArtifactResource.checkedPath(" C:\\Windows\\System32\\Sysprep\\unattend.xml "))
                .isEqualTo("C:\\Windows\\System32\\Sysprep\\unattend.xml");
    }
}
