package dev.keyline.schemas.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finder of the keys in a text, also of keys written in a disguise: with invisible characters inside, wrapped over
 * lines at a separator, with dots, underscores, slashes or colons between their groups, or in full-width letters and
 * digits. docs/DECISIONS.md ("Disguised keys") gives the rules.
 */
public final class KeySpans {

    /**
     * A character that may stand between two groups of a disguised key, besides a dash: dots, the colon and its
     * look-alikes, slashes, {@code _ ~ = *}, middle dots and bullets ({@code U+00B7 U+2022 U+2027 U+2219 U+22C5
     * U+30FB}) and the ideographic full stop {@code U+3002}. {@code +} and {@code #} are not among them, because lists
     * of partial keys are written with them, such as in a URL's query.
     */
    private static final String SEPARATORS = "._/\\:\u2236\uFE55\uA789~=*\u00B7\u2022\u2027\u2219\u22C5\u30FB\u3002";

    /**
     * Five groups of five letters and digits, each two joined by a dash or one other separator, or 25 letters and
     * digits standing alone. Read in the text with its disguise removed.
     */
    private static final Pattern DISGUISED_KEY = Pattern.compile("(?:[A-Za-z0-9]{5}(?:" + ProductKeys.DASH + "|["
            + Pattern.quote(SEPARATORS) + "])){4}[A-Za-z0-9]{5}|(?<![A-Za-z0-9])[A-Za-z0-9]{25}(?![A-Za-z0-9])");

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    /** How far each full-width form lies above its ASCII character: {@code U+FF01} is {@code !}. */
    private static final int FULL_WIDTH_OFFSET = FULL_WIDTH_FIRST - '!';

    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    /** Named character references that stand for a separator, as HTML writes them. */
    private static final Map<String, Character> NAMED_SEPARATORS = Map.ofEntries(
            Map.entry("hyphen", '\u2010'),
            Map.entry("dash", '\u2010'),
            Map.entry("ndash", '\u2013'),
            Map.entry("mdash", '\u2014'),
            Map.entry("horbar", '\u2015'),
            Map.entry("minus", '\u2212'),
            Map.entry("boxh", '\u2500'),
            Map.entry("hybull", '\u2043'),
            Map.entry("period", '.'),
            Map.entry("lowbar", '_'),
            Map.entry("sol", '/'),
            Map.entry("bsol", '\\'),
            Map.entry("colon", ':'),
            Map.entry("equals", '='),
            Map.entry("ast", '*'),
            Map.entry("middot", '\u00B7'),
            Map.entry("centerdot", '\u00B7'),
            Map.entry("bull", '\u2022'),
            Map.entry("bullet", '\u2022'),
            Map.entry("underbar", '_'),
            Map.entry("midast", '*'));

    private static final int KEY_LENGTH = 25;
    private static final int GROUP_LENGTH = 5;
    private static final int MAX_GROUPS_READ = 100;

    private KeySpans() {}

    /** Returns the keys in {@code text} in the order they appear, none overlapping another. */
    public static List<KeySpan> in(String written) {
        // Full-width forms map one to one onto ASCII, so a span found in the folded text is where it is written.
        String text = foldFullWidth(written);
        List<KeySpan> spans = new ArrayList<>();
        Matcher plain = ProductKeys.FULL_KEY.matcher(text);
        int from = 0;
        while (from < text.length() && plain.find(from)) {
            List<KeySpan> run = wholeRun(text, plain.start(), plain.end(), plain.group());
            spans.addAll(run);
            from = Math.max(plain.end(), run.get(run.size() - 1).end());
        }

        spans.addAll(disguised(text));
        return withoutOverlaps(spans);
    }

    /**
     * Returns the text with its full-width forms ({@code U+FF01} to {@code U+FF5E}, such as {@code Ｔ} and {@code －})
     * as the ASCII characters they stand for and the ideographic space {@code U+3000} as a space, one character for
     * one, or the text itself when it has none.
     */
    public static String foldFullWidth(String text) {
        char[] folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean fullWidth = c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST;
            if (fullWidth || c == IDEOGRAPHIC_SPACE) {
                if (folded == null) {
                    folded = text.toCharArray();
                }
                folded[i] = fullWidth ? (char) (c - FULL_WIDTH_OFFSET) : ' ';
            }
        }
        return folded == null ? text : new String(folded);
    }

    /**
     * Returns the spans that cover the run of groups that a key found from {@code start} to {@code end} of {@code
     * text} belongs to. A key glued to more groups, as in {@code xxxxx-xxxxx-xxxxx-xxxxx-KTPRB-CCCCC-...}, may be only
     * part of the run, and its masked form would show the real key's first group next to the rest. So the whole run
     * is masked: each key in it under its own mask, with the groups around it.
     */
    private static List<KeySpan> wholeRun(CharSequence text, int start, int end, String found) {
        // The run takes groups of five behind a separator on either side, and letters and digits glued to its end,
        // so a file extension or a word glued to its start stays.
        int runStart = start;
        while (runStart > GROUP_LENGTH
                && isSeparator(text.charAt(runStart - 1))
                && groupBefore(text, runStart - 1) == GROUP_LENGTH) {
            runStart -= GROUP_LENGTH + 1;
        }
        int runEnd = end;
        while (runEnd < text.length()) {
            if (isLetterOrDigit(text.charAt(runEnd))) {
                runEnd++;
            } else if (isSeparator(text.charAt(runEnd)) && groupAfter(text, runEnd + 1) == GROUP_LENGTH) {
                runEnd += GROUP_LENGTH + 1;
            } else {
                break;
            }
        }
        if (runStart == start && runEnd == end) {
            return List.of(new KeySpan(start, end, found));
        }

        List<int[]> groups = new ArrayList<>();
        for (int at = runStart; at < runEnd; ) {
            int groupEnd = at;
            while (groupEnd < runEnd && isLetterOrDigit(text.charAt(groupEnd))) {
                groupEnd++;
            }
            groups.add(new int[] {at, groupEnd});
            at = groupEnd + 1;
        }
        // A run of more groups than any list of keys has is masked whole under the key found, in one pass.
        List<KeySpan> keys = groups.size() > MAX_GROUPS_READ ? List.of() : keysInRun(text, groups);
        if (keys.isEmpty()) {
            return List.of(new KeySpan(runStart, runEnd, found));
        }

        List<KeySpan> covering = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int coverStart = i == 0 ? runStart : keys.get(i).start();
            int coverEnd = i == keys.size() - 1 ? runEnd : keys.get(i + 1).start() - 1;
            covering.add(new KeySpan(coverStart, coverEnd, keys.get(i).key()));
        }
        return covering;
    }

    /**
     * Returns the keys among {@code groups} (start and end of each), in order and none sharing a group. Groups that
     * read as a disguised key are taken first, those with a digit before those without, as nearly every real key has
     * one, then any five. Each time, groups joined by one separator throughout come first, so that in {@code
     * KEY1,KEY2} neither key takes groups of the other.
     */
    private static List<KeySpan> keysInRun(CharSequence text, List<int[]> groups) {
        TreeMap<Integer, KeySpan> keys = new TreeMap<>();
        boolean[] inKey = new boolean[groups.size()];
        for (int pass = 0; pass < 6; pass++) {
            boolean disguisedOnly = pass < 4;
            boolean digitOnly = pass < 2;
            boolean oneSeparatorOnly = pass % 2 == 0;
            for (int first = 0; first < groups.size(); first++) {
                int last = windowEnd(groups, first, inKey);
                if (last < 0 || (oneSeparatorOnly && !oneSeparator(text, groups, first, last))) {
                    continue;
                }
                String written = text.subSequence(groups.get(first)[0], groups.get(last)[1])
                        .toString();
                String key = written.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
                boolean digit = key.chars().anyMatch(Character::isDigit);
                if ((!disguisedOnly || readsAsKey(written, key)) && (!digitOnly || digit)) {
                    keys.put(groups.get(first)[0], new KeySpan(groups.get(first)[0], groups.get(last)[1], key));
                    for (int group = first; group <= last; group++) {
                        inKey[group] = true;
                    }
                    first = last;
                }
            }
        }
        return new ArrayList<>(keys.values());
    }

    /** Returns true when the groups {@code first} to {@code last} are joined by one separator character throughout. */
    private static boolean oneSeparator(CharSequence text, List<int[]> groups, int first, int last) {
        for (int group = first + 1; group < last; group++) {
            if (text.charAt(groups.get(group)[1]) != text.charAt(groups.get(first)[1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the index of the last group of the key that starts at group {@code first}: one group of 25 letters and
     * digits, or five groups of five. Returns -1 when there is none or a group of it is in a key already.
     */
    private static int windowEnd(List<int[]> groups, int first, boolean[] inKey) {
        if (inKey[first]) {
            return -1;
        }
        int length = groups.get(first)[1] - groups.get(first)[0];
        if (length == KEY_LENGTH) {
            return first;
        }
        if (first + 4 >= groups.size()) {
            return -1;
        }
        for (int group = first; group <= first + 4; group++) {
            if (inKey[group] || groups.get(group)[1] - groups.get(group)[0] != GROUP_LENGTH) {
                return -1;
            }
        }
        return first + 4;
    }

    /** Returns how many letters and digits stand right before {@code end}, up to one more than a group. */
    private static int groupBefore(CharSequence text, int end) {
        int length = 0;
        while (length <= GROUP_LENGTH && end - length > 0 && isLetterOrDigit(text.charAt(end - length - 1))) {
            length++;
        }
        return length;
    }

    /** Returns how many letters and digits stand from {@code start} on, up to one more than a group. */
    private static int groupAfter(CharSequence text, int start) {
        int length = 0;
        while (length <= GROUP_LENGTH
                && start + length < text.length()
                && isLetterOrDigit(text.charAt(start + length))) {
            length++;
        }
        return length;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * Returns the keys that a reading of the text without its disguise finds, each with the run of groups it belongs
     * to, at their place in the text as written. Such a key has only characters that Microsoft's keys use.
     */
    private static List<KeySpan> disguised(String text) {
        CharSequence joined;
        IntUnaryOperator writtenAt;
        if (hasDisguise(text)) {
            StringBuilder reading = new StringBuilder(text.length());
            int[] positions = join(text, reading);
            joined = reading;
            writtenAt = index -> positions[index];
        } else {
            // Most texts have no invisible character and no line break, so they are read as written.
            joined = text;
            writtenAt = index -> index;
        }

        List<KeySpan> found = new ArrayList<>();
        Matcher matcher = DISGUISED_KEY.matcher(joined);
        int from = 0;
        while (from < joined.length() && matcher.find(from)) {
            String key = matcher.group().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
            boolean undashedAsWritten = matcher.group().length() == KEY_LENGTH
                    && writtenAt.applyAsInt(matcher.end() - 1) + 1 - writtenAt.applyAsInt(matcher.start())
                            == KEY_LENGTH;
            if (!readsAsKey(matcher.group(), key) || undashedAsWritten) {
                // In a longer run of groups, such as "AAAAA.BBBBB. ...", the key may start at a later group.
                from = matcher.start() + 1;
                continue;
            }
            List<KeySpan> run = wholeRun(joined, matcher.start(), matcher.end(), key);
            for (KeySpan span : run) {
                found.add(new KeySpan(
                        writtenAt.applyAsInt(span.start()), writtenAt.applyAsInt(span.end() - 1) + 1, span.key()));
            }
            from = Math.max(matcher.end(), run.get(run.size() - 1).end());
        }
        return found;
    }

    /**
     * Returns true when {@code text} has an invisible character, a line break or a separator spelt as an escape, which
     * a disguise needs.
     */
    private static boolean hasDisguise(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (escapedSeparator(text, i) != null) {
                return true;
            }
        }
        return text.codePoints().anyMatch(c -> isInvisible(c) || c == '\n' || c == '\r');
    }

    /** A separator spelt as an escape: how many characters the escape takes and the separator it stands for. */
    record Escape(int length, char separator) {}

    /**
     * Returns the separator spelt as an escape that starts at {@code i} of {@code text}, or null. The escapes are
     * percent-encoding, also twice ({@code %2D}, {@code %252D}), character references, decimal or hexadecimal, with
     * leading zeros and with or without the semicolon ({@code &#45;}, {@code &#045}, {@code &#x2D;}), the named
     * references of HTML ({@code &hyphen;}, {@code &period;}) and the escapes of JSON, Java and C (a backslash and
     * {@code u002D} or {@code x2D}), in either case. Text that went through a URL, an XML or HTML writer or a JSON
     * writer without being decoded shows separators like these.
     */
    static Escape escapedSeparator(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c == '%') {
            int value = hex(text, i + 1, 2);
            if (value == '%' && hex(text, i + 3, 2) >= 0) {
                return escape(5, hex(text, i + 3, 2));
            }
            return escape(3, value);
        }
        if (c == '\\' && i + 1 < text.length()) {
            char kind = Character.toLowerCase(text.charAt(i + 1));
            if (kind == 'u') {
                return escape(6, hex(text, i + 2, 4));
            }
            return kind == 'x' ? escape(4, hex(text, i + 2, 2)) : null;
        }
        if (c == '&' && i + 1 < text.length()) {
            return text.charAt(i + 1) == '#' ? numericReference(text, i) : namedReference(text, i);
        }
        return null;
    }

    /**
     * Reads {@code &#...} at {@code i}. A semicolon ends the number, and the whole number counts. Without one the
     * number has no end of its own, so the shortest run of digits that stands for a separator is taken, as in {@code
     * &#x2dDDDDD}, where the key's next group follows.
     */
    private static Escape numericReference(CharSequence text, int i) {
        boolean hexadecimal = i + 2 < text.length() && Character.toLowerCase(text.charAt(i + 2)) == 'x';
        int digitsStart = i + (hexadecimal ? 3 : 2);
        int radix = hexadecimal ? 16 : 10;
        int digitsEnd = digitsStart;
        while (digitsEnd < text.length() && digitsEnd - digitsStart < 8 && isDigit(text.charAt(digitsEnd), radix)) {
            digitsEnd++;
        }
        if (digitsEnd == digitsStart) {
            return null;
        }
        if (digitsEnd < text.length() && text.charAt(digitsEnd) == ';') {
            int value =
                    Integer.parseInt(text.subSequence(digitsStart, digitsEnd).toString(), radix);
            return escape(digitsEnd + 1 - i, value > Character.MAX_VALUE ? -1 : value);
        }
        int value = 0;
        for (int end = digitsStart; end < digitsEnd; end++) {
            value = value * radix + Character.digit(text.charAt(end), radix);
            if (value > Character.MAX_VALUE) {
                return null;
            }
            if (isSeparator((char) value)) {
                return new Escape(end + 1 - i, (char) value);
            }
        }
        return null;
    }

    /** Returns true for an ASCII digit of {@code radix} 10 or 16. */
    private static boolean isDigit(char c, int radix) {
        return (c >= '0' && c <= '9') || (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }

    private static Escape namedReference(CharSequence text, int i) {
        int end = i + 1;
        while (end < text.length() && end - i <= 16 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end >= text.length() || text.charAt(end) != ';') {
            return null;
        }
        Character separator =
                NAMED_SEPARATORS.get(text.subSequence(i + 1, end).toString().toLowerCase(Locale.ROOT));
        return separator == null ? null : escape(end + 1 - i, separator);
    }

    /** Returns the escape of {@code length} characters for {@code value}, or null when it is no separator. */
    private static Escape escape(int length, int value) {
        return value >= 0 && isSeparator((char) value) ? new Escape(length, (char) value) : null;
    }

    /** Returns the value of {@code digits} hexadecimal digits at {@code at}, or -1 when there are not as many. */
    private static int hex(CharSequence text, int at, int digits) {
        if (at + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = at; k < at + digits; k++) {
            char c = text.charAt(k);
            if (!isDigit(c, 16)) {
                return -1;
            }
            value = value * 16 + Character.digit(c, 16);
        }
        return value;
    }

    /**
     * Appends to {@code joined} the text without its invisible characters, with each separator spelt as an escape
     * as that separator, and without a run of blanks that contains a line break next to a separator. Returns where
     * each character of {@code joined} is in the text.
     */
    private static int[] join(String text, StringBuilder joined) {
        int[] writtenAt = new int[text.length() + 1];
        int i = 0;
        while (i < text.length()) {
            Escape escaped = escapedSeparator(text, i);
            if (escaped != null) {
                writtenAt[joined.length()] = i;
                joined.append(escaped.separator());
                i += escaped.length();
                continue;
            }
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
            boolean lineBreak = false;
            while (end < text.length() && isBlankOrInvisible(text.codePointAt(end))) {
                lineBreak |= text.charAt(end) == '\n' || text.charAt(end) == '\r';
                end += Character.charCount(text.codePointAt(end));
            }
            boolean afterSeparator = !joined.isEmpty() && isSeparator(joined.charAt(joined.length() - 1));
            boolean beforeSeparator =
                    end < text.length() && (isSeparator(text.charAt(end)) || escapedSeparator(text, end) != null);
            if (!lineBreak || (!afterSeparator && !beforeSeparator)) {
                for (int blank = i; blank < end; blank++) {
                    if (isBlank(text.charAt(blank))) {
                        writtenAt[joined.length()] = blank;
                        joined.append(text.charAt(blank));
                    }
                }
            }
            i = end;
        }
        return writtenAt;
    }

    /**
     * Returns true when {@code written}, a disguised key whose 25 letters and digits are {@code key}, reads as a key:
     * every character one that Microsoft's keys use, at least one letter, one case throughout, and groups that do not
     * all share one layout of letters and digits, as lists of ids such as {@code DX429,GH273,...} and of numbers do.
     */
    private static boolean readsAsKey(String written, String key) {
        boolean keyCharacters = key.chars().allMatch(c -> ProductKeys.KEY_ALPHABET.indexOf(c) >= 0);
        boolean letter = key.chars().anyMatch(Character::isLetter);
        String letters = written.replaceAll("[^A-Za-z]", "");
        boolean oneCase =
                letters.equals(letters.toUpperCase(Locale.ROOT)) || letters.equals(letters.toLowerCase(Locale.ROOT));
        return keyCharacters && letter && oneCase && !sameLayoutInEveryGroup(key);
    }

    /** Returns true when the five groups of {@code key} have letters and digits at the same places, not all letters. */
    private static boolean sameLayoutInEveryGroup(String key) {
        String layout = key.replaceAll("[A-Z]", "L").replaceAll("[0-9]", "D");
        String first = layout.substring(0, GROUP_LENGTH);
        if (first.equals("LLLLL")) {
            return false;
        }
        for (int group = GROUP_LENGTH; group < KEY_LENGTH; group += GROUP_LENGTH) {
            if (!layout.startsWith(first, group)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return ProductKeys.isDash(c) || SEPARATORS.indexOf(c) >= 0;
    }

    private static boolean isBlankOrInvisible(int c) {
        return isBlank(c) || isInvisible(c);
    }

    /**
     * Returns true for a character that shows nothing. These are format characters (category Cf, such as a soft hyphen
     * or a zero-width space, in any plane), controls other than blanks, variation selectors, the combining grapheme
     * joiner and the Hangul fillers.
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
     * Returns the spans with each group of overlapping spans merged into one, sorted by start. A merged span covers
     * all of them, so no part of a key that one reading found stays readable, and it takes the key of its longest
     * span, the reading that saw the most of the run (plain keys come first in {@code spans} and win a tie).
     */
    private static List<KeySpan> withoutOverlaps(List<KeySpan> spans) {
        // Merged spans never overlap, so a new span can overlap only those from the one before its start on.
        TreeMap<Integer, KeySpan> byStart = new TreeMap<>();
        for (KeySpan span : spans) {
            KeySpan merged = span;
            Map.Entry<Integer, KeySpan> before = byStart.floorEntry(span.start());
            Integer from = before != null && before.getValue().end() > span.start() ? before.getKey() : span.start();
            for (KeySpan other : new ArrayList<>(
                    byStart.subMap(from, true, span.end(), false).values())) {
                byStart.remove(other.start());
                boolean otherLonger = other.end() - other.start() >= merged.end() - merged.start();
                merged = new KeySpan(
                        Math.min(other.start(), merged.start()),
                        Math.max(other.end(), merged.end()),
                        otherLonger ? other.key() : merged.key());
            }
            byStart.put(merged.start(), merged);
        }
        return new ArrayList<>(byStart.values());
    }
}
