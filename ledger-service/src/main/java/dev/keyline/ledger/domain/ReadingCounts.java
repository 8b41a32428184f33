package dev.keyline.ledger.domain;

/** Reads the remaining-activations count of an import file's row or entry. */
final class ReadingCounts {

    private ReadingCounts() {}

    /** Returns the value as a count of at least 0, or null when it is missing or not such a number. */
    static Long wholeNumber(String value) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            return number >= 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
