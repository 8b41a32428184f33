package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A message key of the parser for a broken namespace rule, with its arguments, such as {@code
     * ...#ElementPrefixUnbound?p&p:a}.
     */
    private static final Pattern NAMESPACE_RULE =
            Pattern.compile("http://www\\.w3\\.org/TR/1999/REC-xml-names-19990114#(\\w+)\\?(.*?)\\.?");

    /** The position that the JDK's parser writes before its message. */
    private static final Pattern POSITION =
            Pattern.compile("^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*(Message:\\s*)?");

    private SecureXml() {}

    static XMLStreamReader open(String xml) throws XMLStreamException {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        return FACTORY.createXMLStreamReader(new StringReader(text));
    }

    /**
     * Returns a rejection for a parser error, naming its line and column. The parser's message quotes names from the
     * document, such as an element's, so keys are masked in every spelling that an echo of a request's values masks:
     * the message goes to the station and to the log.
     */
    static ArtifactRejected malformed(XMLStreamException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber();
        String reason = reason(e);
        if (ProductKeys.hasKeyAlphabetRun(reason)) {
            // A key glued to other letters in a name is masked by no reading of the text, so the name is not repeated.
            reason = "the parser's message quotes a name with 25 characters of a product key in a row, so it is not"
                    + " repeated";
        }
        return new ArtifactRejected(
                KeyRedactor.maskForEcho(KeyRedactor.maskAll("not well-formed XML" + where + ": " + reason)), false);
    }

    /**
     * Returns the parser's own words, without the position it puts in front ({@code ParseError at [row,col]:[3,3]
     * Message:}), which the rejection gives as line and column, and without a final period.
     */
    static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replace('\n', ' ');
        String reason = POSITION.matcher(message).replaceFirst("").strip();
        Matcher namespaceRule = NAMESPACE_RULE.matcher(reason);
        if (namespaceRule.matches()) {
            // The parser names a broken namespace rule by a message key with its arguments instead of a sentence.
            reason = "the XML breaks the namespace rule " + namespaceRule.group(1) + " (at "
                    + namespaceRule.group(2).replace("&", ", ") + ")";
        }
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
