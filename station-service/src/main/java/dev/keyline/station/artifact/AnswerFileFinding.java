package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.LocationText;

/**
 * A product key found in an answer file, without the key. {@code location} is the XPath of the element, attribute or
 * comment, written with local names and with the {@code pass} and component {@code name} predicates unattend.xml
 * uses, or {@code line N} for a key outside the XML structure. {@code placement} says where the text was:
 * {@code element}, {@code attribute} or {@code comment}. {@code component} and {@code pass} are the setting it sits
 * in, null outside one. The three are built from the parsed XML, where a character reference such as {@code &#45;}
 * has become the character it names, so any key in them is masked here, in every spelling.
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

    public AnswerFileFinding {
        location = LocationText.bounded(KeyRedactor.maskForEcho(location));
        component = KeyRedactor.maskForEcho(component);
        pass = KeyRedactor.maskForEcho(pass);
    }

    public String severity() {
        return keyClass.severity();
    }
}
