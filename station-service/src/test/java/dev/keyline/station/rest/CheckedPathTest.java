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
    void ordinaryPathKept() {
        assertThat(ArtifactResource.checkedPath(" C:\\Windows\\System32\\Sysprep\\unattend.xml "))
                .isEqualTo("C:\\Windows\\System32\\Sysprep\\unattend.xml");
    }
}
