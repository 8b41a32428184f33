package dev.keyline.station.artifact;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decoding of the character and entity references written inside an XML comment, such as {@code &#45;} for a dash.
 * A parser leaves a comment as written, so a key written with references there escapes a scan of the parsed text,
 * although anyone who reads the file can decode it. Unknown entities and characters XML does not allow stay as written.
 */
final class CommentReferences {

    private static final Pattern REFERENCE =
            Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos));");
    private static final Map<String, String> ENTITIES =
            Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'");

    private CommentReferences() {}

    /** Returns {@code comment} with its references replaced by the characters they stand for. */
    static String decode(String comment) {
        if (comment.indexOf('&') < 0) {
            return comment;
        }
        Matcher reference = REFERENCE.matcher(comment);
        StringBuilder decoded = new StringBuilder(comment.length());
        while (reference.find()) {
            reference.appendReplacement(decoded, Matcher.quoteReplacement(character(reference)));
        }
        reference.appendTail(decoded);
        return decoded.toString();
    }

    private static String character(Matcher reference) {
        if (reference.group(3) != null) {
            return ENTITIES.get(reference.group(3));
        }
        int codePoint = reference.group(1) != null
                ? Integer.parseInt(reference.group(1))
                : Integer.parseInt(reference.group(2), 16);
        boolean allowed = codePoint == 0x9
                || codePoint == 0xA
                || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
        return allowed ? new String(Character.toChars(codePoint)) : reference.group();
    }
}
