package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finder of the keys that an XML document shows only once parsed, such as a key written with character references
 * ({@code &#45;}) or split by a CDATA section. Masking works on the text as written, so it would leave them readable.
 */
final class MarkupKeys {

    private MarkupKeys() {}

    /**
     * Returns the keys in the parsed values of {@code document} beyond those of the same fingerprint in {@code inText}
     * (the findings of the text as written), each with the line its markup starts on.
     */
    static List<KeyFinding> hidden(String document, List<KeyFinding> inText, KeyRedactor redactor) {
        Map<String, Integer> written = new HashMap<>();
        for (KeyFinding finding : inText) {
            written.merge(finding.fingerprint(), 1, Integer::sum);
        }

        List<KeyFinding> parsed;
        try {
            parsed = parsedKeys(document, redactor);
        } catch (XMLStreamException | ArtifactRejected e) {
            // The parse that reads the events rejects the same document, and its caller logs the rejection.
            return List.of();
        }

        List<KeyFinding> hidden = new ArrayList<>();
        for (KeyFinding finding : parsed) {
            if (written.merge(finding.fingerprint(), -1, Integer::sum) < 0) {
                hidden.add(finding);
            }
        }
        return hidden;
    }

    private static List<KeyFinding> parsedKeys(String document, KeyRedactor redactor) throws XMLStreamException {
        List<KeyFinding> found = new ArrayList<>();
        XMLStreamReader reader = SecureXml.open(document);
        while (reader.hasNext()) {
            int event = reader.next();
            int line = reader.getLocation().getLineNumber();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new ArtifactRejected(SecureXml.DOCTYPE_MESSAGE, true);
                case XMLStreamConstants.START_ELEMENT -> {
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        found.addAll(keysIn(reader.getAttributeValue(i), line, redactor));
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.COMMENT -> found
                        .addAll(keysIn(reader.getText(), line, redactor));
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> found.addAll(
                        keysIn(reader.getPIData(), line, redactor));
                default -> {}
            }
        }
        return found;
    }

    private static List<KeyFinding> keysIn(String value, int line, KeyRedactor redactor) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return redactor.redact(value).findings().stream()
                .map(finding -> new KeyFinding(
                        finding.maskedKey(), finding.partialKey(), finding.fingerprint(), line, finding.column()))
                .toList();
    }
}
