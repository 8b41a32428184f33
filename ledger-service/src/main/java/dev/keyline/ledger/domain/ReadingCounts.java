package dev.keyline.ledger.domain;

/** Reads the remaining-activations count of an import file's row or entry. */
final class ReadingCounts {

    /**
     * The largest remaining count a reading may give: the ledger's largest allotment. A larger one is a typing or
     * export error, and recorded it would make the key's unexplained use hugely negative.
     */
    static final long MAX_REMAINING = 100_000_000;

    /** The phrase that problems use for a count that {@link #wholeNumber} rejects. */
    static final String EXPECTED = "is not a whole number from 0 to " + MAX_REMAINING;

    private ReadingCounts() {}

    /**
     * Returns the value as a count from 0 to {@link #MAX_REMAINING}, or null when it is missing or not such a number.
     */
    static Long wholeNumber(String value) {
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            return number >= 0 && number <= MAX_REMAINING ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
