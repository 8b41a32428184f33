package dev.keyline.station.artifact;

/**
 * A product key found in an answer file, without the key. {@code location} is the XPath of the element, attribute or
 * comment, written with local names and with the {@code pass} and component {@code name} predicates unattend.xml
 * uses, or {@code line N} for a key outside the XML structure. {@code placement} says where the text was:
 * {@code element}, {@code attribute} or {@code comment}. {@code component} and {@code pass} are the setting it sits
 * in, null outside one.
 */
public record AnswerFileFinding(
        String location,
        int line,
        String placement,
        String component,
        String pass,
        String maskedKey,
        String partialKey,
        String fingerprint,
        KeyClass keyClass,
        String keyId,
        String edition) {

    public String severity() {
        return keyClass.severity();
    }
}
