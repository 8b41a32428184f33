package dev.keyline.schemas.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finder of the keys in a text, also of keys written with invisible characters inside, wrapped at a dash, or with
 * dots, underscores or slashes between their groups. docs/DECISIONS.md ("Disguised keys") gives the rules.
 */
public final class KeySpans {

    /** Five groups of five upper-case letters and digits, joined by one punctuation character used throughout. */
    private static final Pattern SEPARATED_KEY = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z0-9]{5}([._/\\\\+~,:;|])(?:[A-Z0-9]{5}\\1){3}[A-Z0-9]{5}(?![A-Za-z0-9])");

    /**
     * A key in the text with its disguise removed: five groups joined by dashes, or 25 letters and digits, with no
     * letter or digit glued to either side, so that a key can start only where a group starts.
     */
    private static final Pattern STANDALONE_KEY = Pattern.compile("(?<![A-Za-z0-9])(?:(?:[A-Za-z0-9]{5}"
            + ProductKeys.DASH + "){4}[A-Za-z0-9]{5}|[A-Za-z0-9]{25})(?![A-Za-z0-9])");

    private static final int KEY_LENGTH = 25;

    private KeySpans() {}

    /** Returns the keys in {@code text} in the order they appear, none overlapping another. */
    public static List<KeySpan> in(String text) {
        List<KeySpan> spans = new ArrayList<>();
        Matcher plain = ProductKeys.FULL_KEY.matcher(text);
        while (plain.find()) {
            spans.add(new KeySpan(plain.start(), plain.end(), plain.group()));
        }

        Matcher separated = SEPARATED_KEY.matcher(text);
        while (separated.find()) {
            String joined = separated.group().replace(separated.group(1), "");
            if (ProductKeys.isFullKey(joined)) {
                spans.add(new KeySpan(separated.start(), separated.end(), joined));
            }
        }

        if (mayHideKey(text)) {
            spans.addAll(disguised(text));
        }
        return withoutOverlaps(spans);
    }

    /** Returns true when {@code text} has an invisible character or a blank next to a dash, as few texts do. */
    private static boolean mayHideKey(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isInvisible(c) || (isBlank(c) && nextToDash(text, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextToDash(String text, int i) {
        return (i > 0 && ProductKeys.isDash(text.charAt(i - 1)))
                || (i + 1 < text.length() && ProductKeys.isDash(text.charAt(i + 1)));
    }

    /**
     * Reads the text with its invisible characters and the blanks around its dashes removed, and returns the keys
     * found there that span a removed character, at their place in the text as written.
     */
    private static List<KeySpan> disguised(String text) {
        StringBuilder joined = new StringBuilder(text.length());
        int[] writtenAt = new int[text.length()];
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                // A run of blanks is read at once, so a long run costs one pass.
                int end = i;
                while (end < text.length() && isBlankOrInvisible(text.charAt(end))) {
                    end++;
                }
                boolean afterDash = !joined.isEmpty() && ProductKeys.isDash(joined.charAt(joined.length() - 1));
                boolean beforeDash = end < text.length() && ProductKeys.isDash(text.charAt(end));
                if (!afterDash && !beforeDash) {
                    for (int kept = i; kept < end; kept++) {
                        if (!isInvisible(text.charAt(kept))) {
                            writtenAt[joined.length()] = kept;
                            joined.append(text.charAt(kept));
                        }
                    }
                }
                i = end;
                continue;
            }
            if (!isInvisible(c)) {
                writtenAt[joined.length()] = i;
                joined.append(c);
            }
            i++;
        }

        List<KeySpan> found = new ArrayList<>();
        Matcher matcher = STANDALONE_KEY.matcher(joined);
        int from = 0;
        while (from < joined.length() && matcher.find(from)) {
            int start = writtenAt[matcher.start()];
            int end = writtenAt[matcher.end() - 1] + 1;
            boolean hidden = end - start != matcher.end() - matcher.start();
            String key = matcher.group();
            boolean dashed = key.length() > KEY_LENGTH;
            boolean anyCase = dashed && !onlyBlanksRemoved(text, start, end);
            if (hidden && (anyCase || ProductKeys.isFullKey(key.replaceAll(ProductKeys.DASH, "")))) {
                found.add(new KeySpan(start, end, key));
                from = matcher.end();
            } else {
                // In a longer run of groups, such as "AAAAA - TSTPP - ...", the key may start at a later group.
                from = matcher.start() + 1;
            }
        }
        return found;
    }

    private static boolean isBlankOrInvisible(char c) {
        return isBlank(c) || isInvisible(c);
    }

    /** Returns true for a character that takes no space, such as a soft hyphen or a zero-width space (category Cf). */
    private static boolean isInvisible(char c) {
        return Character.getType(c) == Character.FORMAT;
    }

    /** Returns true for a line break, a tab or a space of any width, the no-break space included. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean onlyBlanksRemoved(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (isInvisible(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the spans that overlap no earlier span in {@code spans}, sorted by start. Plain keys come first, so a
     * disguised reading that joins a real key to the text before it gives way to the real key.
     */
    private static List<KeySpan> withoutOverlaps(List<KeySpan> spans) {
        // Kept spans never overlap, so only the kept spans next to a new one's start can overlap it.
        TreeMap<Integer, KeySpan> kept = new TreeMap<>();
        for (KeySpan span : spans) {
            Map.Entry<Integer, KeySpan> before = kept.floorEntry(span.start());
            Map.Entry<Integer, KeySpan> after = kept.ceilingEntry(span.start());
            boolean overlaps = (before != null && before.getValue().end() > span.start())
                    || (after != null && after.getKey() < span.end());
            if (!overlaps) {
                kept.put(span.start(), span);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
