package dev.keyline.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import org.junit.jupiter.api.Test;

class TreeRedactionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final KeyRedactor REDACTOR = new KeyRedactor(new KeyFingerprinter("unit-test-fingerprint-secret"));

    @Test
    void idSpeltWithDotsMasked() throws Exception {
        JsonNode tree = MAPPER.readTree(
                """
                {"serial": "tstaa.bbbbb.ccccc.ddddd.7qx4m", "lineId": "line-1",
                 "notes": "tstaa.bbbbb.ccccc.ddddd.7qx4m stays, free text is not read this way"}
                """);

        RedactedTree redacted = TreeRedaction.redact(tree, REDACTOR);

        assertThat(redacted.tree().path("serial").asText()).isEqualTo("*****-*****-*****-*****-7QX4M");
        assertThat(redacted.exposures()).extracting(KeyExposure::location).containsExactly("/serial");
        assertThat(redacted.exposures().get(0).finding().fingerprint())
                .isEqualTo(REDACTOR.redact("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M")
                        .findings()
                        .get(0)
                        .fingerprint());
        assertThat(redacted.tree().path("lineId").asText()).isEqualTo("line-1");
        assertThat(redacted.tree().path("notes").asText()).startsWith("tstaa.bbbbb");
    }

    @Test
    void nestedKeysFoundByPointer() throws Exception {
        JsonNode tree = MAPPER.readTree(
                """
                {"notes": "TSTAA-BBBBB-CCCCC-DDDDD-7QX4M",
                 "steps": [{"log": "ok"}, {"log": "ipk tstee-fffff-ggggg-hhhhh-2kp9w done"}],
                 "a/b~c": "TSTJJ-KKKKK-LLLLL-MMMMM-3RT8N",
                 "count": 3}
                """);

        RedactedTree redacted = TreeRedaction.redact(tree, REDACTOR);

        assertThat(redacted.exposures())
                .extracting(KeyExposure::location)
                .containsExactly("/notes", "/steps/1/log", "/a~1b~0c");
        assertThat(redacted.exposures())
                .extracting(exposure -> exposure.finding().partialKey())
                .containsExactly("7QX4M", "2KP9W", "3RT8N");
        assertThat(redacted.tree().path("notes").asText()).isEqualTo("*****-*****-*****-*****-7QX4M");
        assertThat(redacted.tree().path("steps").path(1).path("log").asText())
                .isEqualTo("ipk *****-*****-*****-*****-2KP9W done");
        assertThat(redacted.tree().path("steps").path(0).path("log").asText()).isEqualTo("ok");
        assertThat(redacted.tree().path("count").asInt()).isEqualTo(3);
    }

    @Test
    void inputTreeUnchanged() throws Exception {
        JsonNode tree = MAPPER.readTree("{\"notes\": \"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"}");
        JsonNode before = tree.deepCopy();

        TreeRedaction.redact(tree, REDACTOR);

        assertThat(tree).isEqualTo(before);
    }

    @Test
    void treeWithoutKeysEqual() throws Exception {
        JsonNode tree = MAPPER.readTree("{\"serial\": \"SN-1\", \"partialKey\": \"7QX4M\", \"n\": [1, null, true]}");

        RedactedTree redacted = TreeRedaction.redact(tree, REDACTOR);

        assertThat(redacted.exposures()).isEmpty();
        assertThat(redacted.tree()).isEqualTo(tree);
    }

    @Test
    void keyAsWholeDocumentAtRootPointer() throws Exception {
        JsonNode tree = MAPPER.readTree("\"TSTAA-BBBBB-CCCCC-DDDDD-7QX4M\"");

        RedactedTree redacted = TreeRedaction.redact(tree, REDACTOR);

        assertThat(redacted.exposures()).extracting(KeyExposure::location).containsExactly("");
        assertThat(redacted.tree().asText()).isEqualTo("*****-*****-*****-*****-7QX4M");
    }
}
