package dev.keyline.schemas;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Compiles a JSON Schema {@code pattern} for {@link java.util.regex}, with the one difference between the two dialects
 * that Keyline's anchored patterns meet: in ECMA-262, which JSON Schema names, {@code $} matches only at the end of
 * the text, while Java's {@code $} also matches before a final line terminator. Read the Java way,
 * {@code ^[A-Za-z0-9._-]{1,64}$} accepts {@code "SN-1\n"}, {@code "SN-1\r\n"} and {@code "SN-1\u2028"}. Every
 * {@code $} outside a character class and not escaped becomes {@code \z}. A pattern matches when
 * {@link java.util.regex.Matcher#find} does, as JSON Schema specifies.
 */
final class SchemaPattern {

    /** The regular expression factory that makes the general validator read patterns as {@link SchemaCheck} does. */
    static final RegularExpressionFactory FACTORY = regex -> {
        Pattern pattern = compile(regex);
        return (RegularExpression) value -> pattern.matcher(value).find();
    };

    private SchemaPattern() {}

    /** Compiles an ECMA-262 pattern with {@code $} read as the end of the text. */
    static Pattern compile(String ecmaPattern) {
        StringBuilder java = new StringBuilder(ecmaPattern.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < ecmaPattern.length(); i++) {
            char c = ecmaPattern.charAt(i);
            if (c == '\\' && i + 1 < ecmaPattern.length()) {
                java.append(c).append(ecmaPattern.charAt(++i));
            } else if (inClass) {
                inClass = c != ']';
                java.append(c);
            } else if (c == '[') {
                inClass = true;
                java.append(c);
            } else if (c == '$') {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return Pattern.compile(java.toString());
    }
}
