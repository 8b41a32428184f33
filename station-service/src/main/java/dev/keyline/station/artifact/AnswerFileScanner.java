package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.KeySpan;
import dev.keyline.schemas.keys.KeySpans;
import dev.keyline.schemas.keys.ProductKeys;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Finds every product key in an answer file (unattend.xml): in element text, including key text put directly inside
 * {@code ProductKey}, in attribute values and in comments, also when a comment or whitespace splits it or, in a
 * comment, character references encode it. Each finding has its XPath and line, the setting (component
 * and pass) it sits in, the key masked to its last 5 characters, and its class. A key outside the XML structure, such
 * as in a processing instruction, is still found by a scan of the raw text and reported by line.
 *
 * <p>The file is parsed with DTDs and external entities disabled, and a DOCTYPE is rejected.
 */
public final class AnswerFileScanner {

    /** The elements whose text Windows reads as a product key. */
    private static final Set<String> KEY_ELEMENTS = Set.of("ProductKey", "Key");

    /**
     * The deepest level elements may nest at. Windows' unattend files nest about 10 deep, and the limit keeps a crafted
     * file from holding a reading thread, as the ledger's limit for VAMT exports does.
     */
    static final int MAX_DEPTH = 64;

    /** How many findings a name with a run of more than 25 key characters gives at most. */
    static final int MAX_NAME_WINDOWS = 8;

    private AnswerFileScanner() {}

    /** Scans {@code xml}; throws {@link ArtifactRejected} for a DOCTYPE or XML that is not well-formed. */
    public static List<AnswerFileFinding> scan(String xml, KeyClassifier classifier, KeyRedactor redactor) {
        List<AnswerFileFinding> findings = new ArrayList<>();
        try {
            XMLStreamReader reader = SecureXml.open(xml);
            Deque<Frame> path = new ArrayDeque<>();
            int startLine = 1;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ArtifactRejected(SecureXml.DOCTYPE_MESSAGE, true);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (path.size() == MAX_DEPTH) {
                            throw tooDeep(reader.getLocation().getLineNumber());
                        }
                        Frame frame = enter(path, reader);
                        scanAttributes(reader, path, frame, classifier, findings);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        scanSplitText(path, classifier, findings);
                        scanWhitespaceSplitText(path, classifier, findings);
                        scanKeyElement(path, classifier, findings);
                        path.pop();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        scanText(reader.getText(), startLine, () -> xpath(path), "element", path, classifier, findings);
                        if (!path.isEmpty()) {
                            path.peek().addText(reader.getText(), startLine);
                        }
                    }
                    case XMLStreamConstants.COMMENT -> {
                        // NOTE: a decoded &#10; adds a line, so a key after one is reported a line late.
                        String comment = CommentReferences.decode(reader.getText());
                        Supplier<String> location = () -> xpath(path) + "/comment()";
                        scanText(comment, startLine, location, "comment", path, classifier, findings);
                        for (String key : WhitespaceSplitKeys.in(comment)) {
                            findings.add(finding(key, location.get(), startLine, "comment", path, classifier));
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        // A parser leaves references in an instruction as written, as it does in a comment.
                        String data = CommentReferences.decode(reader.getPIData() == null ? "" : reader.getPIData());
                        String target = reader.getPITarget();
                        Supplier<String> location = () -> xpath(path) + "/processing-instruction('" + target + "')";
                        scanText(data, startLine, location, "processing instruction", path, classifier, findings);
                        scanName(target, location, startLine, path, classifier, findings);
                    }
                    default -> {}
                }
                startLine = reader.getLocation().getLineNumber();
            }
        } catch (XMLStreamException e) {
            throw SecureXml.malformed(e);
        }
        addRawOnlyFindings(xml, redactor, classifier, findings);
        return List.copyOf(findings);
    }

    private static ArtifactRejected tooDeep(int line) {
        return new ArtifactRejected(
                "the XML nests elements more than " + MAX_DEPTH + " deep at line " + line
                        + "; an answer file nests about 10 deep, so send the file as Windows Setup reads it",
                false);
    }

    private static Frame enter(Deque<Frame> path, XMLStreamReader reader) {
        String name = reader.getLocalName();
        Frame parent = path.peek();
        int index = parent == null ? 1 : parent.nextIndex(name);
        Frame frame = new Frame(
                name,
                index,
                reader.getAttributeValue(null, "pass"),
                reader.getAttributeValue(null, "name"),
                reader.getAttributeValue(null, "processorArchitecture"));
        path.push(frame);
        return frame;
    }

    private static void scanAttributes(
            XMLStreamReader reader,
            Deque<Frame> path,
            Frame frame,
            KeyClassifier classifier,
            List<AnswerFileFinding> findings) {
        int line = reader.getLocation().getLineNumber();
        scanName(reader.getLocalName(), () -> xpath(path), line, path, classifier, findings);
        scanName(reader.getPrefix(), () -> xpath(path), line, path, classifier, findings);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String value = reader.getAttributeValue(i);
            String location = xpath(path) + "/@" + reader.getAttributeLocalName(i);
            scanName(reader.getAttributeLocalName(i), () -> location, line, path, classifier, findings);
            scanName(reader.getAttributePrefix(i), () -> location, line, path, classifier, findings);
            for (KeySpan span : KeySpans.in(value)) {
                findings.add(finding(span.key(), location, line, "attribute", path, classifier));
            }
            for (String key : WhitespaceSplitKeys.in(value)) {
                findings.add(finding(key, location, line, "attribute", path, classifier));
            }
        }
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            String location = xpath(path) + "/@xmlns" + (prefix == null || prefix.isEmpty() ? "" : ":" + prefix);
            for (KeySpan span : KeySpans.in(reader.getNamespaceURI(i))) {
                findings.add(finding(span.key(), location, line, "attribute", path, classifier));
            }
        }
    }

    /**
     * Finds a key written as an XML name: an element's or attribute's name or prefix, or an instruction's target, such
     * as a key in lower case without dashes. Masking leaves names alone, so the file is then stored as a note. A name
     * counts only with 25 characters in a row of the ones Microsoft's keys use, because names such as {@code
     * RunSynchronousCommand} have letters that keys never have. A longer run, as with a letter glued to the key, gives
     * a finding for each 25 characters of it, up to {@value #MAX_NAME_WINDOWS}, because the name does not show which of
     * them is the key, and a registered key among them is then found.
     */
    private static void scanName(
            String name,
            Supplier<String> location,
            int line,
            Deque<Frame> path,
            KeyClassifier classifier,
            List<AnswerFileFinding> findings) {
        if (name == null || !ProductKeys.hasKeyAlphabetRun(name)) {
            return;
        }
        List<String> keys = ProductKeys.hiddenKeys(name);
        for (String key : keys.isEmpty() ? keyWindows(name) : keys) {
            findings.add(finding(key, location.get(), line, "name", path, classifier));
        }
    }

    /** Returns each 25 characters of the runs of Microsoft's key characters in {@code name} that have a letter. */
    private static List<String> keyWindows(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        List<String> windows = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i <= upper.length(); i++) {
            if (i < upper.length() && ProductKeys.KEY_ALPHABET.indexOf(upper.charAt(i)) >= 0) {
                continue;
            }
            for (int start = runStart; start + 25 <= i && windows.size() < MAX_NAME_WINDOWS; start++) {
                String window = upper.substring(start, start + 25);
                if (window.chars().anyMatch(Character::isLetter)) {
                    windows.add(window);
                }
            }
            runStart = i + 1;
        }
        return windows;
    }

    /**
     * Scans text that starts on {@code startLine}, giving each key the line it is on. The location is built only for a
     * key found, because building it takes time in the depth of the element, for every piece of text.
     */
    private static void scanText(
            String text,
            int startLine,
            Supplier<String> location,
            String placement,
            Deque<Frame> path,
            KeyClassifier classifier,
            List<AnswerFileFinding> findings) {
        int line = startLine;
        int counted = 0;
        for (KeySpan span : KeySpans.in(text)) {
            // Counts the line breaks since the previous key only, so a text with many keys is read once.
            line += newlines(text, counted, span.start());
            counted = span.start();
            findings.add(finding(span.key(), location.get(), line, placement, path, classifier));
        }
    }

    /**
     * Finds the keys of an element whose text a comment splits, such as {@code TSTAA<!-- -->BBBBB...}: a parser that
     * skips comments reads them whole. Keys already found in one piece of the text are not reported again.
     */
    private static void scanSplitText(Deque<Frame> path, KeyClassifier classifier, List<AnswerFileFinding> findings) {
        Frame frame = path.peek();
        if (frame == null || frame.textPieces() < 2) {
            return;
        }
        Map<String, Integer> inPieces = new HashMap<>();
        for (String piece : frame.pieces()) {
            Matcher matcher = ProductKeys.FULL_KEY.matcher(KeySpans.foldFullWidth(piece));
            while (matcher.find()) {
                inPieces.merge(ProductKeys.normalize(matcher.group()), 1, Integer::sum);
            }
        }
        String joined = KeySpans.foldFullWidth(String.join("", frame.pieces()));
        Matcher matcher = ProductKeys.FULL_KEY.matcher(joined);
        while (matcher.find()) {
            String key = ProductKeys.normalize(matcher.group());
            Integer seen = inPieces.get(key);
            if (seen != null && seen > 0) {
                inPieces.put(key, seen - 1);
                continue;
            }
            findings.add(finding(matcher.group(), xpath(path), frame.textLine(), "element", path, classifier));
        }
    }

    /** Finds the keys of an element whose text whitespace splits, after comments and child elements are left out. */
    private static void scanWhitespaceSplitText(
            Deque<Frame> path, KeyClassifier classifier, List<AnswerFileFinding> findings) {
        Frame frame = path.peek();
        if (frame == null || frame.textPieces() == 0) {
            return;
        }
        for (String key : WhitespaceSplitKeys.in(String.join("", frame.pieces()))) {
            findings.add(finding(key, xpath(path), frame.textLine(), "element", path, classifier));
        }
    }

    /**
     * Reads the text of a {@code ProductKey} or {@code Key} element, where Windows reads a key from, as a key in any
     * spelling when nothing else found one there: 25 letters and digits once the rest is removed, such as {@code
     * TSTAA BBBBB ...} or a dotted key broken over two lines.
     */
    private static void scanKeyElement(Deque<Frame> path, KeyClassifier classifier, List<AnswerFileFinding> findings) {
        Frame frame = path.peek();
        if (frame == null || !KEY_ELEMENTS.contains(frame.name) || frame.textPieces() == 0) {
            return;
        }
        String text = String.join("", frame.pieces());
        if (!KeySpans.in(text).isEmpty() || !WhitespaceSplitKeys.in(text).isEmpty()) {
            return;
        }
        for (String key : ProductKeys.hiddenKeys(text)) {
            findings.add(finding(key, xpath(path), frame.textLine(), "element", path, classifier));
        }
    }

    private static AnswerFileFinding finding(
            String key, String location, int line, String placement, Deque<Frame> path, KeyClassifier classifier) {
        KeyClassifier.Classification classification = classifier.classify(key);
        return new AnswerFileFinding(
                location,
                line,
                placement,
                setting(path, true),
                setting(path, false),
                ProductKeys.mask(key),
                ProductKeys.partialKey(key),
                classification.fingerprint(),
                classification.keyClass(),
                classification.keyId(),
                classification.edition());
    }

    /**
     * Adds the keys that the raw text has on a line where the structured scan found fewer keys with that partial key,
     * such as a key inside a processing instruction. They are reported by line.
     */
    private static void addRawOnlyFindings(
            String xml, KeyRedactor redactor, KeyClassifier classifier, List<AnswerFileFinding> findings) {
        Map<String, Integer> structured = new HashMap<>();
        for (AnswerFileFinding finding : findings) {
            structured.merge(finding.line() + "/" + finding.partialKey(), 1, Integer::sum);
        }
        // redact finds the keys KeySpans finds, in the same order.
        List<KeySpan> spans = KeySpans.in(xml);
        List<KeyFinding> raw = redactor.redact(xml).findings();
        for (int index = 0; index < spans.size(); index++) {
            KeyFinding rawFinding = raw.get(index);
            String slot = rawFinding.line() + "/" + rawFinding.partialKey();
            Integer remaining = structured.get(slot);
            if (remaining != null && remaining > 0) {
                structured.put(slot, remaining - 1);
                continue;
            }
            KeyClassifier.Classification classification =
                    classifier.classify(spans.get(index).key());
            findings.add(new AnswerFileFinding(
                    "line " + rawFinding.line(),
                    rawFinding.line(),
                    "raw text",
                    null,
                    null,
                    rawFinding.maskedKey(),
                    rawFinding.partialKey(),
                    classification.fingerprint(),
                    classification.keyClass(),
                    classification.keyId(),
                    classification.edition()));
        }
    }

    private static int newlines(String text, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Returns the component name ({@code component} true) or pass of the innermost enclosing setting. */
    private static String setting(Deque<Frame> path, boolean component) {
        for (Frame frame : path) {
            if (component && frame.name.equals("component") && frame.componentName != null) {
                return frame.componentName;
            }
            if (!component && frame.name.equals("settings") && frame.pass != null) {
                return frame.pass;
            }
        }
        return null;
    }

    private static String xpath(Deque<Frame> path) {
        StringBuilder xpath = new StringBuilder();
        for (var frames = path.descendingIterator(); frames.hasNext(); ) {
            xpath.append('/').append(frames.next().step());
        }
        return xpath.toString();
    }

    /** One open element: its local name, its position among same-named siblings and the attributes XPaths use. */
    private static final class Frame {

        private final String name;
        private final int index;
        private final String pass;
        private final String componentName;
        private final String architecture;
        private final Map<String, Integer> childCounts = new HashMap<>();
        private final List<String> text = new ArrayList<>();
        private int textLine;

        Frame(String name, int index, String pass, String componentName, String architecture) {
            this.name = name;
            this.index = index;
            this.pass = pass;
            this.componentName = componentName;
            this.architecture = architecture;
        }

        /** Adds a piece of the element's own text; comments and child elements end a piece. */
        void addText(String piece, int line) {
            if (text.isEmpty()) {
                textLine = line;
            }
            text.add(piece);
        }

        int textPieces() {
            return (int) text.stream().filter(piece -> !piece.isBlank()).count();
        }

        List<String> pieces() {
            return text;
        }

        int textLine() {
            return textLine;
        }

        int nextIndex(String childName) {
            return childCounts.merge(childName, 1, Integer::sum);
        }

        String step() {
            if (name.equals("settings") && pass != null) {
                return "settings[@pass='" + pass + "']";
            }
            if (name.equals("component") && componentName != null) {
                String step = "component[@name='" + componentName + "']";
                return architecture == null ? step : step + "[@processorArchitecture='" + architecture + "']";
            }
            return index > 1 ? name + "[" + index + "]" : name;
        }
    }
}
