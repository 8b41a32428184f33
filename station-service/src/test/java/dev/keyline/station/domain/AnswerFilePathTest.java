package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerFilePathTest {

    @Test
    void caseAndSlashesIgnored() {
        assertThat(AnswerFilePath.sameFile("C:\\Windows\\Panther\\Unattend.xml", "c:/windows/panther/unattend.xml"))
                .isTrue();
        assertThat(AnswerFilePath.sameFile("unattend.xml", "UNATTEND.XML")).isTrue();
    }

    @Test
    void otherFilesDiffer() {
        assertThat(AnswerFilePath.sameFile(
                        "C:\\Windows\\Panther\\unattend.xml", "C:\\Windows\\System32\\Sysprep\\unattend.xml"))
                .isFalse();
        assertThat(AnswerFilePath.sameFile("unattend.xml", "C:\\Windows\\Panther\\unattend.xml"))
                .isFalse();
    }
}
