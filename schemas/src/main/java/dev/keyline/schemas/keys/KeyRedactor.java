package dev.keyline.schemas.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Replaces every 5x5 product key in a text by its masked form and reports each one with its line and column. */
public final class KeyRedactor {

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
                if (text.charAt(i) == '\n') {
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
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
        }
        redacted.append(text, copiedUpTo, text.length());
        return new RedactedText(redacted.toString(), List.copyOf(findings));
    }

    /**
     * Returns the text with every token that could be a key masked, in any case, for error messages that repeat a
     * request's values. It masks more than {@link #maskAll}, such as a lower-case key without dashes.
     */
    public static String maskForEcho(String text) {
        if (text == null) {
            return null;
        }
        return maskAll(ProductKeys.ANY_CASE_KEY
                .matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(ProductKeys.mask(match.group()))));
    }

    /**
     * Returns a short value, such as a header or a member name, masked for an error message. It masks as {@link
     * #maskForEcho} does, and also a key written with other separators, such as {@code TSTAA/BBBBB/...}.
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
        return hidden.isEmpty() ? masked : ProductKeys.mask(hidden.get(0));
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
