package dev.keyline.station.domain;

/** Quotes a rejected value back to the station, so it can see what it sent, unless the value is long. */
public final class Quoting {

    private Quoting() {}

    /**
     * Returns {@code ", got 'value'"}, or an empty string for values that are null, not text or longer than
     * {@link ReportConstraints#MAX_QUOTED_LENGTH}. Callers pass values from the redacted tree only, so the quote never
     * contains a full product key.
     */
    public static String got(Object value) {
        if (!(value instanceof String text) || text.length() > ReportConstraints.MAX_QUOTED_LENGTH) {
            return "";
        }
        return ", got '" + text + "'";
    }
}
