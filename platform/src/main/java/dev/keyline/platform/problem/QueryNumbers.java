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
        try {
            int number = Integer.parseInt(value.strip());
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
}
