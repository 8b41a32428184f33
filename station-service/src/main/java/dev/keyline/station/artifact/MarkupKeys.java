package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finder of the keys that an XML document with its keys masked still shows once parsed, because its markup hid them
 * from masking: character references ({@code &#45;}, also in comments, processing instructions and namespace
 * declarations), CDATA sections, or comments and processing instructions that split an element's text.
 */
public final class MarkupKeys {

    private MarkupKeys() {}

    /**
     * Returns the keys in the parsed values of {@code maskedDocument}, each with the line its element, comment or
     * processing instruction starts on. A key masked in the text as written shows masked in the values too, so every
     * key found is one that masking missed. None when the document is not well-formed or has a DOCTYPE.
     */
    public static List<KeyFinding> hidden(String maskedDocument, KeyRedactor redactor) {
        try {
            return parsedKeys(maskedDocument, redactor);
        } catch (XMLStreamException e) {
            // The parse that reads the artifact rejects the same document, and its caller logs the rejection.
            return List.of();
        }
    }

    private static List<KeyFinding> parsedKeys(String document, KeyRedactor redactor) throws XMLStreamException {
        List<KeyFinding> found = new ArrayList<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        Deque<Integer> lines = new ArrayDeque<>();
        XMLStreamReader reader = SecureXml.open(document);
        while (reader.hasNext()) {
            int event = reader.next();
            int line = reader.getLocation().getLineNumber();
            switch (event) {
                case XMLStreamConstants.DTD -> {
                    return List.of();
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        found.addAll(keysIn(reader.getAttributeValue(i), line, redactor));
                    }
                    for (int i = 0; i < reader.getNamespaceCount(); i++) {
                        found.addAll(keysIn(reader.getNamespaceURI(i), line, redactor));
                    }
                    texts.push(new StringBuilder());
                    lines.push(line);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!texts.isEmpty()) {
                        // Text that a comment or processing instruction splits is read joined, as Windows reads it.
                        texts.peek().append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> found.addAll(
                        keysIn(texts.pop().toString(), lines.pop(), redactor));
                case XMLStreamConstants.COMMENT -> found.addAll(
                        keysIn(CommentReferences.decode(reader.getText()), line, redactor));
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> found.addAll(keysIn(
                        CommentReferences.decode(reader.getPIData() == null ? "" : reader.getPIData()),
                        line,
                        redactor));
                default -> {}
            }
        }
        return found;
    }

    /** Returns the keys in {@code value}, also a dashed key that whitespace splits, all on {@code line}. */
    private static List<KeyFinding> keysIn(String value, int line, KeyRedactor redactor) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<KeyFinding> found = new ArrayList<>(redactor.redact(value).findings());
        for (String key : WhitespaceSplitKeys.in(value)) {
            found.addAll(redactor.redact(key).findings());
        }
        return found.stream()
                .map(finding -> new KeyFinding(
                        finding.maskedKey(), finding.partialKey(), finding.fingerprint(), line, finding.column()))
                .toList();
    }
}
