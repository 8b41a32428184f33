package dev.keyline.platform.problem;

import dev.keyline.schemas.keys.KeyRedactor;

/** Quotes a value the caller sent back in a problem: product keys masked and cut to {@link #MAX_LENGTH} characters. */
public final class QuotedValue {

    /** Characters of a value a problem repeats; a longer value is cut and ends in {@code ...}. */
    public static final int MAX_LENGTH = 64;

    private QuotedValue() {}

    /** Returns {@code value} masked and cut, or {@code "null"} when there is none. */
    public static String of(String value) {
        String masked = KeyRedactor.maskShortValue(String.valueOf(value));
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH) + "...";
    }
}
