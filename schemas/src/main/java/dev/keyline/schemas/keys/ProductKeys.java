package dev.keyline.schemas.keys;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises 5x5 product keys ({@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX}) and derives the forms Keyline may keep: the
 * partial key (last five characters) and the masked key. The masked form uses asterisks so that it never matches the
 * key pattern again.
 */
public final class ProductKeys {

    /** A 5x5 key anywhere in text, not glued to further letters or digits; matched without regard to case. */
    public static final Pattern FULL_KEY =
            Pattern.compile("(?<![A-Za-z0-9])(?:[A-Za-z0-9]{5}-){4}[A-Za-z0-9]{5}(?![A-Za-z0-9])");

    private static final String MASK_PREFIX = "*****-*****-*****-*****-";

    private ProductKeys() {}

    public static boolean isFullKey(String text) {
        return text != null && FULL_KEY.matcher(text.trim()).matches();
    }

    /** Returns the key in upper case without surrounding blanks, the form that is fingerprinted. */
    public static String normalize(String key) {
        return key.trim().toUpperCase(Locale.ROOT);
    }

    public static String partialKey(String key) {
        String normalized = normalize(key);
        return normalized.substring(normalized.length() - 5);
    }

    public static String mask(String key) {
        return MASK_PREFIX + partialKey(key);
    }
}
