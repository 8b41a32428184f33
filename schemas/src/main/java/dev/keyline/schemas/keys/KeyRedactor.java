package dev.keyline.schemas.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces every 5x5 product key in a text by its masked form and reports each one with its line and column. */
public final class KeyRedactor {

    /** 25 or more characters in a row that real keys use. */
    private static final Pattern KEY_CHARACTERS = Pattern.compile("[" + ProductKeys.KEY_ALPHABET + "]{25,}");

    private final KeyFingerprinter fingerprinter;

    public KeyRedactor(KeyFingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    public RedactedText redact(String text) {
        if (text == null || text.isEmpty()) {
            return new RedactedText(text, List.of());
        }
        List<KeyFinding> findings = new ArrayList<>();
        StringBuilder redacted = new StringBuilder(text.length());
        int copiedUpTo = 0;
        int line = 1;
        int lineStart = 0;

        for (KeySpan span : KeySpans.in(text)) {
            for (int i = copiedUpTo; i < span.start(); i++) {
                if (endsLine(text, i)) {
                    line++;
                    lineStart = i + 1;
                }
            }
            findings.add(new KeyFinding(
                    ProductKeys.mask(span.key()),
                    ProductKeys.partialKey(span.key()),
                    fingerprinter.fingerprint(span.key()),
                    line,
                    span.start() - lineStart + 1));
            redacted.append(text, copiedUpTo, span.start()).append(ProductKeys.mask(span.key()));
            copiedUpTo = span.end();
            for (int i = span.start(); i < span.end(); i++) {
                if (endsLine(text, i)) {
                    line++;
                    lineStart = i + 1;
                }
            }
        }
        redacted.append(text, copiedUpTo, text.length());
        return new RedactedText(redacted.toString(), List.copyOf(findings));
    }

    /**
     * Tells whether the character at {@code index} ends a line as {@link String#lines} counts them: a line feed, or a
     * carriage return not followed by one. So a finding's line is the line a station counts, also in CR-only text.
     */
    private static boolean endsLine(String text, int index) {
        char c = text.charAt(index);
        return c == '\n' || (c == '\r' && (index + 1 == text.length() || text.charAt(index + 1) != '\n'));
    }

    /**
     * Returns the text with every token that could be a key masked, in any case, for error messages that repeat a
     * request's values. It masks more than {@link #maskAll}, such as a lower-case key without dashes.
     */
    public static String maskForEcho(String text) {
        if (text == null) {
            return null;
        }
        // Found in the text with full-width forms folded to ASCII, one for one, and masked where they are written.
        Matcher keys = ProductKeys.ANY_CASE_KEY.matcher(KeySpans.foldFullWidth(text));
        StringBuilder masked = new StringBuilder(text.length());
        int copiedUpTo = 0;
        while (keys.find()) {
            masked.append(text, copiedUpTo, keys.start()).append(ProductKeys.mask(keys.group()));
            copiedUpTo = keys.end();
        }
        return maskAll(masked.append(text, copiedUpTo, text.length()).toString());
    }

    /**
     * Returns a short value, such as a header, a member name or a folder name, masked for an error message. It masks
     * as {@link #maskForEcho} does, and also a key written with other separators, such as {@code TSTAA/BBBBB/...}.
     * A value whose letters and digits hold 25 characters of real keys in a row is masked whole, as in {@code
     * xKtPRB.CCCCC.DDDDD.FFFFF.7QX4Mx.xml}.
     */
    public static String maskShortValue(String value) {
        String masked = maskForEcho(value);
        if (masked == null) {
            return null;
        }
        masked = ProductKeys.OTHER_SEPARATORS_KEY
                .matcher(masked)
                .replaceAll(match -> Matcher.quoteReplacement(ProductKeys.mask(match.group())));
        List<String> hidden = ProductKeys.hiddenKeys(masked);
        if (!hidden.isEmpty()) {
            return ProductKeys.mask(hidden.get(0));
        }

        Matcher keyCharacters =
                KEY_CHARACTERS.matcher(masked.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT));
        while (keyCharacters.find()) {
            if (keyCharacters.group().chars().anyMatch(Character::isLetter)) {
                return ProductKeys.mask(keyCharacters.group().substring(0, 25));
            }
        }
        return masked;
    }

    /**
     * Returns the text with keys masked, for messages and logs that must not carry a key, also keys that {@link
     * #redact} finds behind invisible characters, wrapped at a dash, or with other separators.
     */
    public static String maskAll(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<KeySpan> spans = KeySpans.in(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copiedUpTo = 0;
        for (KeySpan span : spans) {
            masked.append(text, copiedUpTo, span.start()).append(ProductKeys.mask(span.key()));
            copiedUpTo = span.end();
        }
        return masked.append(text, copiedUpTo, text.length()).toString();
    }
}
