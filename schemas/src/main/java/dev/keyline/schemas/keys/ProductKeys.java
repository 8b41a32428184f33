package dev.keyline.schemas.keys;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises 5x5 product keys and derives the forms Keyline may keep: the partial key (last five characters) and the
 * masked key. A key is written either with dashes ({@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX}, any case) or as 25
 * characters without them, as some tools log it. The masked form uses asterisks so that it never matches again.
 */
public final class ProductKeys {

    /**
     * The characters of Microsoft's 5x5 product keys: the 24 digits of their base-24 encoding, and the {@code N} that
     * keys of Windows 8 and later carry once. No vowels, no {@code L S Z}, no {@code 0 1 5}.
     */
    public static final String KEY_ALPHABET = "BCDFGHJKMNPQRTVWXY2346789";

    /**
     * The other dash punctuation of Unicode (category Pd), such as the small em dash U+FE58 and the two-em dash U+2E3A.
     * Also characters drawn as a dash: the modifier minus U+02D7, the heavy minus U+2796, the katakana prolonged sound
     * mark U+30FC and its half-width form U+FF70, the box-drawing lines U+2500 and U+2501, and the superscript and
     * subscript minus U+207B and U+208B. A key written with them still reads as a key. The one dash
     * outside the Basic Multilingual Plane, U+10EAD, is not read, because these checks go by single UTF-16 units.
     */
    private static final String OTHER_DASHES = "\u058A\u05BE\u1400\u1806\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u2E5D"
            + "\u301C\u3030\u30A0\uFE31\uFE32\uFE58\u02D7\u2796\u30FC\uFF70\u2500\u2501\u207B\u208B";

    /**
     * A dash between a key's groups: the ASCII hyphen-minus, or a dash that word processors and chat tools put in its
     * place (U+2010 to U+2015, the hyphen bullet U+2043, the minus sign U+2212, and the small and full-width
     * hyphen-minus U+FE63 and U+FF0D). A key pasted from a document is still found. The replacement character U+FFFD
     * counts too. A dash or no-break space of a Windows code page (bytes 0x96, 0x97, 0xA0) becomes U+FFFD when the
     * text is read as UTF-8, and a key written with them would otherwise be stored readable. So do the other dashes of
     * {@link #OTHER_DASHES}.
     */
    public static final String DASH = "[-\u2010-\u2015\u2043\u2212\uFE63\uFF0D\uFFFD" + OTHER_DASHES + "]";

    /** Returns true when {@code c} is one of the characters {@link #DASH} matches. */
    public static boolean isDash(char c) {
        return c == '-'
                || (c >= '\u2010' && c <= '\u2015')
                || c == '\u2043'
                || c == '\u2212'
                || c == '\uFE63'
                || c == '\uFF0D'
                || c == '\uFFFD'
                || OTHER_DASHES.indexOf(c) >= 0;
    }

    /**
     * Five groups of five letters and digits joined by any one punctuation character each, such as {@code /}, {@code
     * .} or {@code _}: a key written with other separators. For short values that are repeated back, where masking a
     * look-alike costs nothing.
     */
    public static final Pattern OTHER_SEPARATORS_KEY =
            Pattern.compile("(?<![A-Za-z0-9])(?:[A-Za-z0-9]{5}[^A-Za-z0-9\\s]){4}[A-Za-z0-9]{5}(?![A-Za-z0-9])");

    /**
     * A key anywhere in text. The dashed form is matched without regard to case, also when letters or digits are glued
     * to it, as in {@code keyTSTAA-...}: five dashed groups of five occur in no other identifier Keyline handles. The
     * dashless form must stand alone, be upper case and contain at least one letter. It must also contain a digit,
     * unless every character is one that Microsoft's keys use ({@link #KEY_ALPHABET}): a real key can lack
     * digits, while words (which have vowels), lower-case or mixed-case tokens such as Base64 hardware hashes, and
     * runs of {@code A} are not read as keys. A run of one of the key's letters, such as 25 {@code X} as a
     * placeholder, is read as a key.
     */
    public static final Pattern FULL_KEY = Pattern.compile("(?:[A-Za-z0-9]{5}" + DASH + "){4}[A-Za-z0-9]{5}"
            + "|(?<![A-Za-z0-9])(?:(?=[A-Z0-9]{0,24}[0-9])(?=[A-Z0-9]{0,24}[A-Z])[A-Z0-9]{25}"
            + "|(?=[0-9]{0,24}[A-Z])[" + KEY_ALPHABET + "]{25})(?![A-Za-z0-9])");

    /** A blank within a line: a space, a tab, the no-break spaces and the other spaces of Unicode's category Zs. */
    private static final String BLANK = "[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]";

    /**
     * Blanks between a key's groups, as a key pasted from a log or a spreadsheet has them: one to three blanks, or a
     * dash with up to three blanks on either side, such as {@code " - "}.
     */
    private static final String BLANK_SEPARATOR = "(?:" + BLANK + "{1,3}|" + BLANK + "{0,3}" + DASH + BLANK + "{0,3})";

    private static final String ANY_CASE_KEY_LETTER = "[" + KEY_ALPHABET + KEY_ALPHABET.toLowerCase(Locale.ROOT) + "]";

    /**
     * A key in either form and in any case, including lower- and mixed-case tokens of 25 letters and digits, which
     * {@link #FULL_KEY} leaves alone, and five groups separated by blanks ({@link #BLANK_SEPARATOR}) when a digit comes
     * within the next 53 characters or the groups consist of letters that keys use only. For text where masking a
     * token that is not a key costs nothing, such as an error message that repeats a value back to the caller.
     */
    public static final Pattern ANY_CASE_KEY = Pattern.compile("(?:[A-Za-z0-9]{5}" + DASH + "){4}[A-Za-z0-9]{5}"
            + "|(?<![A-Za-z0-9])(?:[A-Za-z0-9]{25}"
            + "|(?=(?:[A-Za-z0-9]|" + BLANK + "|" + DASH + "){0,52}[0-9])"
            + "(?:[A-Za-z0-9]{5}" + BLANK_SEPARATOR + "){4}[A-Za-z0-9]{5}"
            + "|(?:" + ANY_CASE_KEY_LETTER + "{5}" + BLANK_SEPARATOR + "){4}" + ANY_CASE_KEY_LETTER + "{5})"
            + "(?![A-Za-z0-9])");

    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]");

    private static final int KEY_LENGTH = 25;
    private static final int GROUP_LENGTH = 5;
    private static final String MASK_PREFIX = "*****-*****-*****-*****-";

    private ProductKeys() {}

    /**
     * Returns true when {@code text} contains a key, also after its separators are removed, such as {@code
     * TSTAA.BBBBB...} in a regular expression or {@code TSTAA_BBBBB...} in an id, and in full-width letters. For short
     * values that are never a key.
     */
    public static boolean hidesKey(String text) {
        if (text == null) {
            return false;
        }
        String folded = KeySpans.foldFullWidth(text);
        return ANY_CASE_KEY.matcher(folded).find()
                || ANY_CASE_KEY
                        .matcher(SEPARATORS.matcher(folded).replaceAll(""))
                        .find();
    }

    /**
     * Returns true when {@link #hidesKey} does, or when the text, once its separators are removed, has 25 characters in
     * a row that Microsoft's keys use ({@link #KEY_ALPHABET}, in any case), a letter among them. That finds a key
     * written without dashes and glued to other letters or digits, such as {@code case} followed by the key, in free
     * text that is kept for good, such as a top-up's reference, also in look-alike letters that NFKC normalization
     * maps to ASCII (mathematical bold, circled and full-width forms).
     */
    public static boolean hidesKeyInText(String text) {
        return text != null && (hidesKey(text) || hasKeyAlphabetRun(text));
    }

    /**
     * Returns true when the text, once NFKC normalization and the removal of separators are done, has 25 characters in
     * a row that Microsoft's keys use ({@link #KEY_ALPHABET}, in any case), a letter among them. Unlike
     * {@link #hidesKey}, it leaves alone text of 25 letters and digits with others among them, such as {@code
     * Duplicate field 'activations'}.
     */
    public static boolean hasKeyAlphabetRun(String text) {
        if (text == null) {
            return false;
        }
        // NFKC writes look-alike letters as the letters they stand for: mathematical bold, circled, full-width.
        String compact = compact(Normalizer.normalize(text, Normalizer.Form.NFKC));
        int run = 0;
        int lastLetter = -1;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (KEY_ALPHABET.indexOf(c) < 0) {
                run = 0;
                continue;
            }
            run++;
            if (Character.isLetter(c)) {
                lastLetter = i;
            }
            if (run >= KEY_LENGTH && lastLetter > i - KEY_LENGTH) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the keys that {@link #hidesKey} finds in {@code text}, each in upper case without separators: every
     * token {@link #ANY_CASE_KEY} matches, or else the whole text once its separators are removed. For turning a key
     * in a short value into a finding with the fingerprint of the key.
     */
    public static List<String> hiddenKeys(String text) {
        List<String> keys = new ArrayList<>();
        if (text == null) {
            return keys;
        }
        String folded = KeySpans.foldFullWidth(text);
        Matcher matcher = ANY_CASE_KEY.matcher(folded);
        while (matcher.find()) {
            keys.add(compact(matcher.group()));
        }
        if (keys.isEmpty()) {
            String compact = compact(folded);
            if (ANY_CASE_KEY.matcher(compact).find()) {
                keys.add(compact);
            }
        }
        return keys;
    }

    private static String compact(String text) {
        return SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public static boolean isFullKey(String text) {
        return text != null && FULL_KEY.matcher(text.trim()).matches();
    }

    /**
     * Returns the key in upper case with dashes and without surrounding blanks, the form that is fingerprinted, so that
     * a key gets the same fingerprint however it was written.
     */
    public static String normalize(String key) {
        String upper = key.trim().replaceAll(DASH, "-").toUpperCase(Locale.ROOT);
        String bare = upper.replace("-", "");
        if (bare.length() != KEY_LENGTH) {
            return upper;
        }
        StringBuilder dashed = new StringBuilder(KEY_LENGTH + 4);
        for (int start = 0; start < KEY_LENGTH; start += GROUP_LENGTH) {
            if (start > 0) {
                dashed.append('-');
            }
            dashed.append(bare, start, start + GROUP_LENGTH);
        }
        return dashed.toString();
    }

    public static String partialKey(String key) {
        String normalized = normalize(key);
        return normalized.substring(normalized.length() - GROUP_LENGTH);
    }

    public static String mask(String key) {
        return MASK_PREFIX + partialKey(key);
    }
}
