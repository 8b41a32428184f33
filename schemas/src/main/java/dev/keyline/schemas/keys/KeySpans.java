package dev.keyline.schemas.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finder of the keys in a text, also of keys written in a disguise: with invisible characters inside, wrapped at a
 * separator, or with other punctuation or single spaces between their groups. docs/DECISIONS.md ("Disguised keys")
 * gives the rules.
 */
public final class KeySpans {

    /** A character that may stand between two groups of a disguised key, besides a dash and a single space. */
    private static final String SEPARATORS = "._/\\\\+~,:;|=*#'\u00B7\u2022";

    /**
     * Five groups of five letters and digits, each two joined by a dash, one other separator or a single space; or 25
     * letters and digits standing alone. Read in the text with its disguise removed.
     */
    private static final Pattern DISGUISED_KEY = Pattern.compile("(?:[A-Za-z0-9]{5}(?:" + ProductKeys.DASH + "|["
            + SEPARATORS + " ])){4}[A-Za-z0-9]{5}|(?<![A-Za-z0-9])[A-Za-z0-9]{25}(?![A-Za-z0-9])");

    private static final int KEY_LENGTH = 25;

    private KeySpans() {}

    /** Returns the keys in {@code text} in the order they appear, none overlapping another. */
    public static List<KeySpan> in(String text) {
        List<KeySpan> spans = new ArrayList<>();
        Matcher plain = ProductKeys.FULL_KEY.matcher(text);
        while (plain.find()) {
            spans.add(new KeySpan(plain.start(), plain.end(), plain.group()));
        }

        spans.addAll(disguised(text));
        return withoutOverlaps(spans);
    }

    /**
     * Reads the text without its invisible characters and without the blanks next to a separator, and returns the
     * keys found there whose every character is one that Microsoft's keys use, at their place in the text as written.
     */
    private static List<KeySpan> disguised(String text) {
        StringBuilder joined = new StringBuilder(text.length());
        int[] writtenAt = new int[text.length()];
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isInvisible(c)) {
                i = next;
                continue;
            }
            if (!isBlank(c)) {
                for (int unit = i; unit < next; unit++) {
                    writtenAt[joined.length()] = unit;
                    joined.append(text.charAt(unit));
                }
                i = next;
                continue;
            }

            // A run of blanks is read at once, so a long run costs one pass.
            int end = i;
            while (end < text.length() && isBlankOrInvisible(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            boolean afterSeparator = !joined.isEmpty() && isSeparator(joined.charAt(joined.length() - 1));
            boolean beforeSeparator = end < text.length() && isSeparator(text.charAt(end));
            if (!afterSeparator && !beforeSeparator) {
                for (int kept = i; kept < end; kept++) {
                    if (isBlank(text.charAt(kept))) {
                        writtenAt[joined.length()] = kept;
                        joined.append(text.charAt(kept));
                    }
                }
            }
            i = end;
        }

        List<KeySpan> found = new ArrayList<>();
        Matcher matcher = DISGUISED_KEY.matcher(joined);
        int from = 0;
        while (from < joined.length() && matcher.find(from)) {
            String key = matcher.group().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
            int start = writtenAt[matcher.start()];
            int end = writtenAt[matcher.end() - 1] + 1;
            boolean undashedAsWritten = matcher.group().length() == KEY_LENGTH && end - start == KEY_LENGTH;
            if (inKeyAlphabet(key) && !undashedAsWritten) {
                found.add(new KeySpan(start, end, key));
                from = matcher.end();
            } else {
                // In a longer run of groups, such as "AAAAA - BBBBB - ...", the key may start at a later group.
                from = matcher.start() + 1;
            }
        }
        return found;
    }

    /** Returns true when every character of {@code key} is one that Microsoft's 5x5 keys use. */
    private static boolean inKeyAlphabet(String key) {
        return key.chars().allMatch(c -> ProductKeys.KEY_ALPHABET.indexOf(c) >= 0);
    }

    private static boolean isSeparator(char c) {
        return ProductKeys.isDash(c) || SEPARATORS.indexOf(c) >= 0;
    }

    private static boolean isBlankOrInvisible(int c) {
        return isBlank(c) || isInvisible(c);
    }

    /**
     * Returns true for a character that shows nothing: a format character (category Cf, such as a soft hyphen or a
     * zero-width space, also outside the first 65,536 code points), a control character other than a blank, a
     * variation selector, the combining grapheme joiner, or a Hangul filler.
     */
    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || (Character.isISOControl(c) && !isBlank(c))
                || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0xE0100 && c <= 0xE01EF)
                || c == 0x034F
                || c == 0x115F
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0;
    }

    /** Returns true for a line break, a tab or a space of any width, the no-break space included. */
    private static boolean isBlank(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
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
