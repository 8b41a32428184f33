package dev.keyline.station.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import dev.keyline.station.support.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the parsers over every file of the shared corpus of real station artifacts, which CI places beside the clone
 * as {@code ../shared/corpus}. Skipped, with a message, where the corpus is absent.
 */
class CorpusTest {

    private static final KeyFingerprinter FINGERPRINTER = new KeyFingerprinter("unit-test-fingerprint-secret");
    private static final KeyClassifier CLASSIFIER = new KeyClassifier(FINGERPRINTER, Map.of(), GenericKeys.published());

    @Test
    void slmgrCorpusParsed() throws IOException {
        for (Path file : files("slmgr", ".txt")) {
            LicenseOutput output = LicenseOutputParser.parse(Files.readString(file, StandardCharsets.UTF_8));

            assertThat(output.blocks()).as(file.getFileName().toString()).isNotEmpty();
            assertThat(output.unknownLabels()).as(file.getFileName().toString()).isEmpty();
            assertThat(output.problems()).as(file.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void slmgrCorpusExpectedValues() throws IOException {
        Path slmgr = corpus().resolve("slmgr");

        LicenseBlock licensed = single(slmgr.resolve("dli-oem-dm-licensed-crlf.txt"));
        assertThat(licensed.partialKey()).isEqualTo("7QX4M");
        assertThat(licensed.status()).isEqualTo(LicenseStatus.LICENSED);
        assertThat(licensed.productKeyChannel()).isEqualTo("OEM:DM");

        LicenseBlock notification = single(slmgr.resolve("dlv-mak-notification.txt"));
        assertThat(notification.partialKey()).isEqualTo("H2K9D");
        assertThat(notification.status()).isEqualTo(LicenseStatus.NOTIFICATION);
        assertThat(notification.notificationReason()).isEqualTo("0xC004F009");
        assertThat(notification.productKeyChannel()).isEqualTo("Volume:MAK");

        LicenseBlock unlicensed = single(slmgr.resolve("dli-unlicensed.txt"));
        assertThat(unlicensed.partialKey()).isEqualTo("H2K9D");
        assertThat(unlicensed.status()).isEqualTo(LicenseStatus.UNLICENSED);
        assertThat(unlicensed.productKeyChannel()).isEqualTo("Volume:MAK");
    }

    @Test
    void unattendCorpusScanned() throws IOException {
        KeyRedactor redactor = new KeyRedactor(FINGERPRINTER);
        for (Path file : files("unattend", ".xml")) {
            String xml = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();

            List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, redactor);

            long keysInText = ProductKeys.FULL_KEY.matcher(xml).results().count();
            assertThat(findings).as(name + ": one finding per key in the text").hasSize((int) keysInText);
            for (AnswerFileFinding finding : findings) {
                assertThat(finding.location()).as(name).startsWith("/unattend");
                assertThat(finding.maskedKey()).as(name).startsWith("*****-*****-*****-*****-");
                assertThat(finding.keyClass()).as(name).isNotEqualTo(KeyClass.REGISTERED);
            }
        }
    }

    @Test
    void unattendCorpusKnownFile() throws IOException {
        Path file = corpus().resolve("unattend/joefitzgerald--answer_files_10_Autounattend.xml");
        Assumptions.assumeTrue(Files.exists(file), "corpus file missing: " + file);

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(
                Files.readString(file, StandardCharsets.UTF_8), CLASSIFIER, new KeyRedactor(FINGERPRINTER));

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).placement()).isEqualTo("comment");
        assertThat(findings.get(0).keyClass()).isEqualTo(KeyClass.GENERIC);
        assertThat(findings.get(0).edition()).isEqualTo("Windows 7 Enterprise");
        assertThat(findings.get(1).placement()).isEqualTo("element");
        assertThat(findings.get(1).location()).endsWith("/UserData/ProductKey");
        assertThat(findings.get(1).line()).isEqualTo(49);
        assertThat(findings.get(1).pass()).isEqualTo("windowsPE");
        assertThat(findings.get(1).edition()).isEqualTo("Windows 11/10 Enterprise");
    }

    private static LicenseBlock single(Path file) throws IOException {
        LicenseOutput output = LicenseOutputParser.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(output.blocks()).as(file.getFileName().toString()).hasSize(1);
        return output.blocks().get(0);
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        Path directory = corpus().resolve(folder);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(
                            file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
            assertThat(found).as("files in " + directory).isNotEmpty();
            return found;
        }
    }

    private static Path corpus() {
        Path corpus = Fixtures.corpus().orElse(null);
        Assumptions.assumeTrue(
                corpus != null,
                "the corpus ../shared/corpus beside the repository root is absent; corpus test skipped");
        return corpus;
    }
}
