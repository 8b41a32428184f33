package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyRedactor;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens XML text for StAX reading with DTDs and external entities disabled. The JDK's own StAX parser is used, whatever
 * else is on the class path, so the settings below are known to apply.
 */
final class SecureXml {

    static final String DOCTYPE_MESSAGE = "the XML contains a DOCTYPE declaration; DTDs and entity declarations are"
            + " rejected because they can read files or reach other hosts (XXE). Send the file without its DOCTYPE";

    private static final XMLInputFactory FACTORY = factory();

    private SecureXml() {}

    static XMLStreamReader open(String xml) throws XMLStreamException {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        return FACTORY.createXMLStreamReader(new StringReader(text));
    }

    /** Returns a rejection for a parser error, naming its line and column, with keys masked. */
    static ArtifactRejected malformed(XMLStreamException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^ParseError at \\[[^]]*]\\s*", "");
        return new ArtifactRejected(
                KeyRedactor.maskAll("not well-formed XML" + where + ": " + message.replace('\n', ' ')), false);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
