package dev.keyline.station.artifact;

import dev.keyline.schemas.EventTime;
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
 * entities are disabled and a DOCTYPE is rejected. Callers pass text whose product keys are already masked.
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
        String body = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        Matcher declaration = XML_DECLARATION.matcher(body);
        String wrapped = "<export>" + declaration.replaceAll("") + "</export>";

        List<LogEvent> events = new ArrayList<>();
        try {
            XMLStreamReader reader = SecureXml.open(wrapped);
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
                case "Provider" -> provider = reader.getAttributeValue(null, "Name");
                case "TimeCreated" -> time = parseTime(reader.getAttributeValue(null, "SystemTime"));
                case "EventID", "InstanceId" -> {
                    eventId = EventIds.normalize(reader.getElementText().trim());
                    depth--;
                }
                case "Computer" -> {
                    computer = reader.getElementText().trim();
                    depth--;
                }
                case "Data" -> {
                    data.add(reader.getElementText());
                    depth--;
                }
                default -> {}
            }
        }
        return new LogEvent(provider, (int) eventId, time, computer, List.copyOf(data));
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
