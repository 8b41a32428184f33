package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.KeySpans;
import dev.keyline.schemas.keys.ProductKeys;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads license output in any of the accepted layouts: slmgr text, the WMI list layout or JSON. The layout is chosen
 * from the text itself: JSON starts with {@code {} or {@code [}, and the WMI layout has {@code Property=value} lines.
 * Callers pass text whose product keys are already masked.
 */
public final class LicenseOutputParser {

    private static final Pattern WMI_LINE = Pattern.compile("(?m)^\\s*[A-Za-z][A-Za-z0-9]*=");

    /** A slmgr line: its label, the colon with the blanks around it, and its value up to the line's end. */
    private static final Pattern SLMGR_FIELD_LINE = Pattern.compile("(?m)^([^:\\r\\n]+)(:[ \\t]*)([^\\r\\n]*)$");

    /** A WMI list line: its property name, the equals sign, and its value up to the line's end. */
    private static final Pattern WMI_FIELD_LINE =
            Pattern.compile("(?m)^([ \\t]*[A-Za-z][A-Za-z0-9]*)([ \\t]*=[ \\t]*)([^\\r\\n]*)$");

    /** A JSON member with a text value, as WMI instances have: its name, the colon, and its value without escapes. */
    private static final Pattern JSON_MEMBER =
            Pattern.compile("\"([A-Za-z][A-Za-z0-9]*)(\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(?=\")");

    /** A JSON escape of one character, such as a tab, a line break or a quote written with a backslash. */
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\.");

    /** The letters and digits of a full key. */
    private static final int KEY_CHARACTERS = 25;

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
     * Returns slmgr, WMI or JSON output with the value of each partial product key line or member written as a dashed
     * upper-case key when it contains a full key in another spelling, such as lower case without dashes. The key scan
     * of free text leaves such spellings alone, because they look like other ids. In this field they are a key, so the
     * scan must mask them and raise an exposure, and the parser reads the partial key from the masked form. Lines keep
     * their place, so an exposure names the right line.
     */
    public static String withKeyFieldsSpelledOut(String text) {
        String spelled = rewriteValues(SLMGR_FIELD_LINE, text, LicenseField::fromSlmgrLabel);
        spelled = rewriteValues(WMI_FIELD_LINE, spelled, LicenseField::fromWmiProperty);
        return rewriteValues(JSON_MEMBER, spelled, LicenseField::fromWmiProperty);
    }

    private static String rewriteValues(Pattern line, String text, Function<String, Optional<LicenseField>> field) {
        return line.matcher(text).replaceAll(match -> {
            boolean keyField = field.apply(match.group(1)).orElse(null) == LicenseField.PARTIAL_PRODUCT_KEY;
            String value = match.group(3);
            if (!keyField || !KeySpans.in(value).isEmpty()) {
                return Matcher.quoteReplacement(match.group());
            }
            // An escape between the groups, such as a tab, separates them as the character it stands for would.
            List<String> keys =
                    ProductKeys.hiddenKeys(JSON_ESCAPE.matcher(value).replaceAll(" "));
            if (keys.size() != 1 || keys.get(0).length() != KEY_CHARACTERS) {
                return Matcher.quoteReplacement(match.group());
            }
            String beforeValue = match.group().substring(0, match.start(3) - match.start());
            return Matcher.quoteReplacement(beforeValue + ProductKeys.normalize(keys.get(0)));
        });
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
