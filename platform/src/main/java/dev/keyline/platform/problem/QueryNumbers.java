package dev.keyline.platform.problem;

/**
 * Reads whole-number query parameters such as {@code page}, {@code size} and {@code limit}. A resource takes them as
 * text and reads them here, because JAX-RS responds to a value it cannot convert with a 404 that names no parameter.
 */
public final class QueryNumbers {

    private QueryNumbers() {}

    /**
     * Returns {@code value} as a whole number from {@code min} to {@code max}, or throws a 400 problem that names
     * {@code parameter}, quotes the value with any product key masked, and gives the allowed range.
     */
    public static int read(String parameter, String value, int min, int max) {
        // Only ASCII spaces around the number are dropped: String.strip() also drops other Unicode blanks.
        String digits = value.replaceAll("^ +| +$", "");
        try {
            // Integer.parseInt also takes a leading '+' and digits of other scripts, which the API does not document.
            if (!asciiWholeNumber(digits)) {
                throw new NumberFormatException(parameter);
            }
            int number = Integer.parseInt(digits);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Rejected below, like a number out of range.
        }
        throw ProblemException.invalidField(
                parameter,
                "must be a whole number from " + min + " to " + max + ", got '" + QuotedValue.of(value) + "'",
                "send " + parameter + " as a whole number from " + min + " to " + max);
    }

    /** Tells whether {@code text} is ASCII digits, with a leading minus sign or none. */
    private static boolean asciiWholeNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
