package dev.keyline.ledger.domain;

import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads remaining activations per key from a VAMT {@code .cilx} export: root {@code
 * VolumeActivationManagementToolData}, then {@code SoftwareLicensingData/ProductKeys/ProductKey} elements whose
 * children carry {@code RemainingActivations}, {@code LastUpdate} and the key. A full key in any child is fingerprinted
 * and dropped. DTDs and external entities are refused, so a hostile file cannot read local files or reach the network.
 */
public final class VamtCilxParser {

    /**
     * The deepest nesting of elements that is read. A VAMT export nests its fields 5 deep. Reading the text of a field
     * nested thousands deep recurses once per level and overflowed the stack.
     */
    static final int MAX_DEPTH = 64;

    /**
     * The fields, in lower case, that hold the key itself, so a key in them is read in any spelling. In other fields
     * only a key written alone counts, because their text is free and may read as one by chance.
     */
    private static final Set<String> KEY_FIELDS = Set.of("keyvalue", "productkey", "key");

    private VamtCilxParser() {}

    /** Thrown when the file is not a readable, safe VAMT export; the message names the fix. */
    public static final class InvalidExportException extends RuntimeException {
        public InvalidExportException(String message) {
            super(message, null, false, false);
        }
    }

    public static ReadingFile parse(String xml, KeyFingerprinter fingerprinter, Instant defaultReadAt) {
        Document document = parseSafely(xml);
        Element root = document.getDocumentElement();
        checkDepth(root);
        if (!"VolumeActivationManagementToolData".equals(localName(root))) {
            throw new InvalidExportException("the root element is " + localName(root)
                    + ", not VolumeActivationManagementToolData; export the data from VAMT as a .cilx file");
        }
        List<MicrosoftReading> readings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int fullKeys = 0;
        NodeList keys = document.getElementsByTagNameNS("*", "ProductKey");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if (key.getParentNode() == null || !"ProductKeys".equals(localName(key.getParentNode()))) {
                continue;
            }
            Map<String, String> fields = childTexts(key);
            Set<String> fingerprints = new HashSet<>();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                String fullKey = KEY_FIELDS.contains(field.getKey())
                        ? FullKeyValue.read(field.getValue())
                        : ProductKeys.isFullKey(field.getValue()) ? field.getValue() : null;
                if (fullKey != null) {
                    fullKeys++;
                    fingerprints.add(fingerprinter.fingerprint(fullKey));
                }
            }
            if (fingerprints.size() > 1) {
                problems.add("ProductKey " + (i + 1) + " contains " + fingerprints.size()
                        + " different full keys; keep only the key of this entry");
                continue;
            }
            String fingerprint =
                    fingerprints.isEmpty() ? null : fingerprints.iterator().next();
            String remaining = fields.get("remainingactivations");
            if (remaining == null) {
                problems.add("ProductKey " + (i + 1) + " has no RemainingActivations");
                continue;
            }
            String partial = fields.getOrDefault("partialproductkey", fields.get("partialkey"));
            if (ProductKeys.hidesKey(partial)) {
                // A full key where the partial key belongs was fingerprinted above; it is never echoed.
                partial = null;
            }
            Long remainingCount = ReadingCounts.wholeNumber(remaining);
            if (remainingCount == null) {
                problems.add("ProductKey " + (i + 1) + ": RemainingActivations '" + KeyRedactor.maskAll(remaining)
                        + "' " + ReadingCounts.EXPECTED);
                continue;
            }
            // An empty LastUpdate element gives no date, as a missing one does, so readAt is used for both.
            String lastUpdate = fields.get("lastupdate");
            if (lastUpdate != null && lastUpdate.isBlank()) {
                lastUpdate = null;
            }
            if (lastUpdate == null && defaultReadAt == null) {
                problems.add("ProductKey " + (i + 1) + " has no LastUpdate; pass the readAt query parameter");
                continue;
            }
            try {
                readings.add(new MicrosoftReading(
                        fingerprint,
                        null,
                        partial == null ? null : partial.toUpperCase(Locale.ROOT),
                        remainingCount,
                        lastUpdate == null ? defaultReadAt : ReadingTimes.parse(lastUpdate),
                        i + 1));
            } catch (RuntimeException e) {
                problems.add("ProductKey " + (i + 1) + ": LastUpdate is not a date");
            }
        }
        return new ReadingFile(readings, fullKeys, problems);
    }

    private static Document parseSafely(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new InvalidExportException(
                        "the file declares a DOCTYPE, which is rejected to prevent XML external entity attacks;"
                                + " export the data from VAMT again");
            }
            String where = e instanceof SAXParseException position && position.getLineNumber() > 0
                    ? " at line " + position.getLineNumber() + ", column " + position.getColumnNumber()
                    : "";
            throw new InvalidExportException("the file is not well-formed XML" + where + ": " + message
                    + " Export the data from VAMT as a .cilx file again, or fix the file at that place.");
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("the XML parser could not be set up safely", e);
        }
    }

    /** Rejects a document whose elements nest deeper than {@link #MAX_DEPTH}, walking it without recursion. */
    private static void checkDepth(Element root) {
        Deque<Node> path = new ArrayDeque<>();
        Node node = root;
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE && path.size() + 1 > MAX_DEPTH) {
                throw new InvalidExportException("the file nests elements more than " + MAX_DEPTH
                        + " deep, down to " + KeyRedactor.maskShortValue(localName(node))
                        + "; a VAMT export nests them 5 deep, so send the .cilx file that VAMT exported");
            }
            if (node.getFirstChild() != null) {
                path.push(node);
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node.getNextSibling() == null) {
                node = path.poll();
            }
            node = node == null ? null : node.getNextSibling();
        }
    }

    private static Map<String, String> childTexts(Element element) {
        Map<String, String> fields = new HashMap<>();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                fields.put(
                        localName(child).toLowerCase(Locale.ROOT),
                        child.getTextContent().trim());
            }
        }
        return fields;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }
}
