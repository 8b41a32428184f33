package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads license output in any of the accepted layouts: slmgr text, the WMI list layout or JSON. The layout is chosen
 * from the text itself: JSON starts with {@code {} or {@code [}, and the WMI layout has {@code Property=value} lines.
 * Callers pass text whose product keys are already masked.
 */
public final class LicenseOutputParser {

    private static final Pattern WMI_LINE = Pattern.compile("(?m)^\\s*[A-Za-z][A-Za-z0-9]*=");

    private LicenseOutputParser() {}

    /**
     * Returns JSON output written again without escapes, so that a key whose dashes are written as unicode escapes is
     * in plain text for the key scan. Any other text, and JSON that does not parse, is returned as it is.
     */
    public static String withoutJsonEscapes(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return text;
        }
        return LicenseJsonParser.rewritten(trimmed).orElse(text);
    }

    /**
     * Returns the keys that masked JSON output ({@code maskedText}) still shows once parsed (see {@link
     * LicenseJsonParser#hiddenKeys}), or none for other layouts.
     */
    public static List<KeyFinding> hiddenKeys(String maskedText, KeyRedactor redactor) {
        String trimmed = maskedText.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return List.of();
        }
        return LicenseJsonParser.hiddenKeys(trimmed, redactor);
    }

    public static LicenseOutput parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return LicenseJsonParser.parse(trimmed);
        }
        if (WMI_LINE.matcher(trimmed).find()) {
            return WmiListParser.parse(trimmed);
        }
        return SlmgrTextParser.parse(trimmed);
    }
}
