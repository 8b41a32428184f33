package dev.keyline.station.artifact;

import dev.keyline.schemas.EventTime;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads exported Windows events, as {@code wevtutil qe /f:xml} (events one after another, without a root element)
 * and {@code Get-WinEvent} with {@code ToXml()} write them, also inside an {@code Events} root. DTDs and external
 * entities are disabled and a DOCTYPE is rejected. Callers pass text whose product keys are already masked. A key that
 * the markup hid from masking (see {@link #hiddenKeys}) is masked in the values read.
 */
public final class EventLogParser {

    private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml[^>]*\\?>");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);

    private EventLogParser() {}

    /** Returns the events in file order; throws {@link ArtifactRejected} for a DOCTYPE or malformed XML. */
    public static List<LogEvent> parse(String xml) {
        if (DOCTYPE.matcher(xml).find()) {
            throw new ArtifactRejected(SecureXml.DOCTYPE_MESSAGE, true);
        }
        List<LogEvent> events = new ArrayList<>();
        try {
            XMLStreamReader reader = SecureXml.open(document(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("Event")) {
                    events.add(readEvent(reader));
                }
            }
        } catch (XMLStreamException e) {
            throw SecureXml.malformed(e);
        }
        return List.copyOf(events);
    }

    /**
     * Returns the keys that the exported events, with their keys masked as written ({@code maskedXml}), still show once
     * parsed (see {@link MarkupKeys}), or none when the XML is rejected.
     */
    public static List<KeyFinding> hiddenKeys(String maskedXml, KeyRedactor redactor) {
        if (DOCTYPE.matcher(maskedXml).find()) {
            return List.of();
        }
        List<KeyFinding> hidden = new ArrayList<>();
        // The parse never reads an XML declaration, which document() removes, so its references are decoded here.
        Matcher declaration = XML_DECLARATION.matcher(maskedXml);
        int line = 1;
        int counted = 0;
        while (declaration.find()) {
            // Counts the line breaks since the previous declaration only, so many declarations cost one pass.
            for (; counted < declaration.start(); counted++) {
                if (maskedXml.charAt(counted) == '\n') {
                    line++;
                }
            }
            for (KeyFinding finding : redactor.redact(CommentReferences.decode(declaration.group()))
                    .findings()) {
                hidden.add(new KeyFinding(
                        finding.maskedKey(), finding.partialKey(), finding.fingerprint(), line, finding.column()));
            }
        }
        hidden.addAll(MarkupKeys.hidden(document(maskedXml), redactor));
        return hidden;
    }

    /** Returns the events as one XML document: without a byte-order mark or XML declaration, in one root element. */
    private static String document(String xml) {
        String body = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        Matcher declaration = XML_DECLARATION.matcher(body);
        return "<export>" + declaration.replaceAll("") + "</export>";
    }

    private static LogEvent readEvent(XMLStreamReader reader) throws XMLStreamException {
        String provider = null;
        String computer = null;
        Instant time = null;
        long eventId = -1;
        List<String> data = new ArrayList<>();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (reader.getLocalName()) {
                case "Provider" -> provider = masked(reader.getAttributeValue(null, "Name"));
                case "TimeCreated" -> time = parseTime(reader.getAttributeValue(null, "SystemTime"));
                case "EventID", "InstanceId" -> {
                    eventId = EventIds.normalize(elementText(reader).trim());
                    depth--;
                }
                case "Computer" -> {
                    computer = masked(elementText(reader).trim());
                    depth--;
                }
                case "Data" -> {
                    data.add(masked(elementText(reader)));
                    depth--;
                }
                default -> {}
            }
        }
        return new LogEvent(provider, (int) eventId, time, computer, List.copyOf(data));
    }

    /**
     * Returns the text of the element the reader is at, joined with the text of its child elements, and leaves the
     * reader at the element's end, as {@code getElementText} does. Windows writes text only in these elements, but
     * {@code getElementText} rejects a child element as if the XML were not well-formed.
     */
    private static String elementText(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(
                        reader.getText());
                default -> {}
            }
        }
        return text.toString();
    }

    /**
     * Returns a value read from an event with its keys masked, also a dashed key that whitespace splits, which the
     * exposure check finds. Such a value is returned without its whitespace, so that no part of the key stays.
     */
    private static String masked(String value) {
        if (value == null) {
            return null;
        }
        String masked = KeyRedactor.maskAll(value);
        return WhitespaceSplitKeys.in(masked).isEmpty() ? masked : KeyRedactor.maskAll(masked.replaceAll("\\s+", ""));
    }

    private static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            // A time the consumers would dead-letter is read as no time: before 2000, such as 1601-01-01, which Windows
            // exports for a missing time, or more than a day ahead of this service's clock.
            Instant time = OffsetDateTime.parse(value).toInstant();
            return EventTime.implausibility(time, Instant.now()).isEmpty() ? time : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
