package dev.keyline.station.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerFileScannerTest {

    private static final KeyFingerprinter FINGERPRINTER = new KeyFingerprinter("unit-test-fingerprint-secret");
    private static final KeyRedactor REDACTOR = new KeyRedactor(FINGERPRINTER);
    private static final KeyClassifier CLASSIFIER = new KeyClassifier(
            FINGERPRINTER,
            Map.of(FINGERPRINTER.fingerprint("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M"), "KEY-A"),
            GenericKeys.published());

    @Test
    void keySplitByCommentFound() {
        assertFoundInProductKey("TSTAA-BBBBB<!-- split -->-CCCCC-DDDDD-7QX4M");
    }

    @Test
    void keySplitByLineBreakFound() {
        assertFoundInProductKey("TSTAA-BBBBB-\n        CCCCC-DDDDD-7QX4M");
    }

    @Test
    void fullWidthKeySplitFound() {
        assertFoundInProductKey("\uFF34\uFF33\uFF34\uFF21\uFF21-BBBBB<!-- split -->-CCCCC-DDDDD-7QX4M");
        assertFoundInProductKey("\uFF34\uFF33\uFF34\uFF21\uFF21-BB\n        BBB-CCCCC-DDDDD-7QX4M");
    }

    @Test
    void enDashKeySplitFound() {
        assertFoundInProductKey("TSTAA\u2013BBBBB\u2013CCCCC\u2013\n        DDDDD\u20137QX4M");
    }

    /** Scans an answer file whose Shell-Setup {@code ProductKey} has {@code content}, and checks its one finding. */
    private static void assertFoundInProductKey(String content) {
        String xml = "<unattend><settings pass=\"specialize\"><component name=\"Microsoft-Windows-Shell-Setup\">"
                + "<ProductKey>" + content + "</ProductKey></component></settings></unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.location())
                    .isEqualTo("/unattend/settings[@pass='specialize']/component[@name='Microsoft-Windows-Shell-Setup']"
                            + "/ProductKey");
            assertThat(finding.keyId()).isEqualTo("KEY-A");
            assertThat(finding.maskedKey()).isEqualTo("*****-*****-*****-*****-7QX4M");
            assertThat(finding.placement()).isEqualTo("element");
        });
    }

    @Test
    void lineBreakReferenceInAttributeFound() {
        String xml = "<unattend><Key Value=\"TSTAA-BBBBB-&#10;CCCCC-DDDDD-7QX4M\"/></unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.location()).isEqualTo("/unattend/Key/@Value");
            assertThat(finding.keyId()).isEqualTo("KEY-A");
            assertThat(finding.placement()).isEqualTo("attribute");
        });
    }

    @Test
    void keysInSettingNamesMasked() {
        String xml = "<unattend><settings pass=\"spec&#105;alize TSTAA&#45;BBBBB&#45;CCCCC&#45;DDDDD&#45;7QX4M\">"
                + "<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"BCDFG HJKMN PQRTV WXY23"
                + " 4678&#57;\"><ProductKey>TSTAA-BBBBB-CCCCC-DDDDD-7QX4M</ProductKey></component></settings>"
                + "</unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        String pass = "specialize *****-*****-*****-*****-7QX4M";
        assertThat(findings)
                .extracting(AnswerFileFinding::location)
                .containsExactly(
                        "/unattend/settings[@pass='" + pass + "']/@pass",
                        "/unattend/settings[@pass='" + pass + "']/component[@name='Microsoft-Windows-Shell-Setup']"
                                + "[@processorArchitecture='*****-*****-*****-*****-46789']/ProductKey");
        assertThat(findings).extracting(AnswerFileFinding::pass).containsOnly(pass);
        assertThat(findings.toString()).doesNotContain("TSTAA-BBBBB").doesNotContain("BCDFG HJKMN");
    }

    @Test
    void keySplitOverCommentLinesFound() {
        String xml = "<unattend><!-- old key TSTAA-BBBBB-CCCCC-\n     DDDDD-7QX4M --></unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.location()).isEqualTo("/unattend/comment()");
            assertThat(finding.placement()).isEqualTo("comment");
        });
    }

    @Test
    void referencesInCommentDecoded() {
        String xml = "<unattend><!-- TSTAA&#45;BBBBB&#x2D;CCCCC&#45;DDDDD&#45;7QX4M --></unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.location()).isEqualTo("/unattend/comment()");
            assertThat(finding.placement()).isEqualTo("comment");
            assertThat(finding.keyId()).isEqualTo("KEY-A");
            assertThat(finding.maskedKey()).isEqualTo("*****-*****-*****-*****-7QX4M");
        });
    }

    @Test
    void plainKeyNotCountedTwice() {
        String xml =
                "<unattend><!-- TSTAA-BBBBB-CCCCC-DDDDD-7QX4M &amp; TSTAA&#45;BBBBB-CCCCC-DDDDD-7QX4M --></unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings).hasSize(2).allSatisfy(finding -> assertThat(finding.keyId())
                .isEqualTo("KEY-A"));
    }

    @Test
    void entitiesWithoutKeyFindNothing() {
        String xml = "<unattend><!-- R&amp;D image, build &#35;42 --></unattend>";

        assertThat(AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR)).isEmpty();
    }

    @Test
    void wholeKeyBesideLineBreakFoundOnce() {
        String xml = "<unattend><ProductKey>\n  TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\n</ProductKey>"
                + "<!-- TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\n --></unattend>";

        assertThat(AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR)).hasSize(2);
    }

    @Test
    void unsplitKeyFoundOnce() {
        String xml = "<unattend><ProductKey>TSTAA-BBBBB-CCCCC-DDDDD-7QX4M<!-- note -->, and more text</ProductKey>"
                + "</unattend>";

        assertThat(AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR)).hasSize(1);
    }

    @Test
    void threeKeysClassified() {
        List<AnswerFileFinding> findings =
                AnswerFileScanner.scan(Fixtures.artifact("unattend-three-keys.xml"), CLASSIFIER, REDACTOR);

        assertThat(findings).hasSize(3);
        AnswerFileFinding generic = findings.get(0);
        assertThat(generic.location())
                .isEqualTo("/unattend/settings[@pass='windowsPE']/component[@name='Microsoft-Windows-Setup']"
                        + "[@processorArchitecture='amd64']/UserData/ProductKey/Key");
        assertThat(generic.line()).isEqualTo(7);
        assertThat(generic.keyClass()).isEqualTo(KeyClass.GENERIC);
        assertThat(generic.severity()).isEqualTo("info");
        assertThat(generic.edition()).isEqualTo("Windows 11/10 Enterprise");
        assertThat(generic.component()).isEqualTo("Microsoft-Windows-Setup");
        assertThat(generic.pass()).isEqualTo("windowsPE");
        assertThat(generic.maskedKey()).isEqualTo("*****-*****-*****-*****-2YT43");

        AnswerFileFinding comment = findings.get(1);
        assertThat(comment.placement()).isEqualTo("comment");
        assertThat(comment.location()).endsWith("[@processorArchitecture='amd64']/comment()");
        assertThat(comment.line()).isEqualTo(16);
        assertThat(comment.keyClass()).isEqualTo(KeyClass.UNKNOWN);
        assertThat(comment.severity()).isEqualTo("warning");
        assertThat(comment.maskedKey()).isEqualTo("*****-*****-*****-*****-9ZW3K");

        AnswerFileFinding ours = findings.get(2);
        assertThat(ours.location())
                .isEqualTo("/unattend/settings[@pass='specialize']/component[@name='Microsoft-Windows-Shell-Setup']"
                        + "[@processorArchitecture='amd64']/ProductKey");
        assertThat(ours.line()).isEqualTo(17);
        assertThat(ours.keyClass()).isEqualTo(KeyClass.REGISTERED);
        assertThat(ours.severity()).isEqualTo("critical");
        assertThat(ours.keyId()).isEqualTo("KEY-A");
        assertThat(ours.component()).isEqualTo("Microsoft-Windows-Shell-Setup");
        assertThat(ours.pass()).isEqualTo("specialize");
        assertThat(ours.partialKey()).isEqualTo("7QX4M");
    }

    @Test
    void malformedPlacesFound() {
        List<AnswerFileFinding> findings =
                AnswerFileScanner.scan(Fixtures.artifact("unattend-malformed-places.xml"), CLASSIFIER, REDACTOR);

        assertThat(findings).extracting(AnswerFileFinding::partialKey).containsExactly("2KP9W", "3RT8N", "4VW5X");
        assertThat(findings.get(0).location())
                .isEqualTo("/unattend/settings[@pass='windowsPE']/component[@name='Microsoft-Windows-Setup']"
                        + "[@processorArchitecture='x86']/UserData/ProductKey");
        assertThat(findings.get(0).line()).isEqualTo(6);
        assertThat(findings.get(1).location()).endsWith("/FirstLogonCommands/SynchronousCommand/CommandLine");
        assertThat(findings.get(1).line()).isEqualTo(19);
        assertThat(findings.get(1).pass()).isEqualTo("oobeSystem");
        assertThat(findings.get(2).placement()).isEqualTo("attribute");
        assertThat(findings.get(2).location()).endsWith("/FirstLogonCommands/SynchronousCommand[2]/@note");
        assertThat(findings.get(2).line()).isEqualTo(21);
        assertThat(findings)
                .allSatisfy(finding -> assertThat(finding.keyClass()).isEqualTo(KeyClass.UNKNOWN));
    }

    @Test
    void keyInProcessingInstructionFound() {
        String xml = "<?xml version=\"1.0\"?>\n<unattend>\n<?install key=TSTAA-BBBBB-CCCCC-DDDDD-7QX4M?>\n"
                + "</unattend>\n";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).location()).isEqualTo("/unattend/processing-instruction('install')");
        assertThat(findings.get(0).line()).isEqualTo(3);
        assertThat(findings.get(0).keyClass()).isEqualTo(KeyClass.REGISTERED);
    }

    @Test
    void doctypeRejectedAsXxe() {
        assertThatThrownBy(() -> AnswerFileScanner.scan(Fixtures.artifact("unattend-xxe.xml"), CLASSIFIER, REDACTOR))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("XXE")
                .satisfies(e -> assertThat(((ArtifactRejected) e).doctype()).isTrue());
    }

    @Test
    void malformedXmlRejectedWithPosition() {
        assertThatThrownBy(() -> AnswerFileScanner.scan(
                        "<unattend>\n<ProductKey>TSTAA-BBBBB-CCCCC-DDDDD-7QX4M</Key></unattend>", CLASSIFIER, REDACTOR))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessageStartingWith("not well-formed XML at line 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TSTAA"));
    }

    @Test
    void malformedXmlMessageMasked() {
        // The parser quotes an element's name, here a key in lower case without dashes, which the log repeats.
        assertThatThrownBy(() -> AnswerFileScanner.scan(
                        "<unattend>\n<tstaabbbbbcccccddddd7qx4m>\n</unattend>", CLASSIFIER, REDACTOR))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessage(
                        "not well-formed XML at line 3, column 3: The element type \"*****-*****-*****-*****-7QX4M\""
                                + " must be terminated by the matching end-tag \"</*****-*****-*****-*****-7QX4M>\"");
    }

    @Test
    void namespaceErrorNamedInWords() {
        assertThatThrownBy(() -> AnswerFileScanner.scan("<unattend><p:a/></unattend>", CLASSIFIER, REDACTOR))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessage("not well-formed XML at line 1, column 17: the XML breaks the namespace rule"
                        + " ElementPrefixUnbound (at p, p:a)");
    }

    @Test
    void nestingDeeperThanLimitRejected() {
        String deepest = "<a>".repeat(AnswerFileScanner.MAX_DEPTH) + "x" + "</a>".repeat(AnswerFileScanner.MAX_DEPTH);
        String tooDeep =
                "<a>".repeat(AnswerFileScanner.MAX_DEPTH + 1) + "\nx" + "</a>".repeat(AnswerFileScanner.MAX_DEPTH + 1);

        assertThat(AnswerFileScanner.scan(deepest, CLASSIFIER, REDACTOR)).isEmpty();
        assertThatThrownBy(() -> AnswerFileScanner.scan(tooDeep, CLASSIFIER, REDACTOR))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessage("the XML nests elements more than 64 deep at line 1; an answer file nests about 10 deep,"
                        + " so send the file as Windows Setup reads it");
    }

    @Test
    void keyAsXmlNameFound() {
        // Lower case without dashes: masking leaves XML names alone, so the scanner must name them.
        String key = "ktprbcccccdddddfffff7qx4m";
        List<String> documents = List.of(
                "<unattend><" + key + "/></unattend>",
                "<unattend><x " + key + "=\"1\"/></unattend>",
                "<unattend><?" + key + " x?></unattend>");

        for (String xml : documents) {
            assertThat(AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR))
                    .as(xml)
                    .singleElement()
                    .satisfies(finding -> assertThat(finding.placement()).isEqualTo("name"))
                    .satisfies(finding -> assertThat(finding.maskedKey()).isEqualTo("*****-*****-*****-*****-7QX4M"));
        }
        // Glued to one more key character, or a namespace prefix: each 25 characters is a finding, the key among them.
        assertThat(AnswerFileScanner.scan("<unattend><" + key + "x/></unattend>", CLASSIFIER, REDACTOR))
                .extracting(AnswerFileFinding::maskedKey)
                .containsExactly("*****-*****-*****-*****-7QX4M", "*****-*****-*****-*****-QX4MX");
        assertThat(AnswerFileScanner.scan(
                        "<unattend><" + key + ":a xmlns:" + key + "=\"urn:x\"/></unattend>", CLASSIFIER, REDACTOR))
                .extracting(AnswerFileFinding::placement)
                .contains("name");
        assertThatThrownBy(() -> AnswerFileScanner.scan("<unattend><" + key + "x:a/></unattend>", CLASSIFIER, REDACTOR))
                .isInstanceOf(ArtifactRejected.class)
                .hasMessage("not well-formed XML at line 1, column 42: the parser's message quotes a name with 25"
                        + " characters of a product key in a row, so it is not repeated");
        assertThat(AnswerFileScanner.scan(
                        "<unattend><RunSynchronousCommandsOfSetupX wcm:action=\"add\""
                                + " xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"/></unattend>",
                        CLASSIFIER,
                        REDACTOR))
                .isEmpty();
    }

    @Test
    void emptyKeyElementNoFinding() {
        String xml = "<unattend><settings pass=\"windowsPE\"><component name=\"Microsoft-Windows-Setup\">"
                + "<UserData><ProductKey><Key>  </Key></ProductKey></UserData></component></settings></unattend>";

        assertThat(AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR)).isEmpty();
    }

    @Test
    void referencesInInstructionAndNamespaceFound() {
        String encoded = "KTPRB&#45;CCCCC&#45;DDDDD&#45;FFFFF&#45;7QX4M";
        String xml = "<unattend xmlns:k=\"" + encoded + "\"><?note " + encoded + "?></unattend>";

        List<AnswerFileFinding> findings = AnswerFileScanner.scan(xml, CLASSIFIER, REDACTOR);

        assertThat(findings)
                .extracting(AnswerFileFinding::location)
                .containsExactly("/unattend/@xmlns:k", "/unattend/processing-instruction('note')");
        assertThat(findings).extracting(AnswerFileFinding::partialKey).containsOnly("7QX4M");
    }
}
