package dev.keyline.station.domain;

import dev.keyline.schemas.keys.KeyRedactor;

/** Quotes a rejected value back to the station, so it can see what it sent, unless the value is long. */
public final class Quoting {

    private Quoting() {}

    /**
     * Returns {@code ", got 'value'"}, or an empty string for values that are null, not text or longer than
     * {@link ReportConstraints#MAX_QUOTED_LENGTH}. A key in the value is masked in any spelling, also one written with
     * other separators than dashes, such as {@code TSTAA/BBBBB/...}.
     */
    public static String got(Object value) {
        if (!(value instanceof String text) || text.length() > ReportConstraints.MAX_QUOTED_LENGTH) {
            return "";
        }
        return ", got '" + KeyRedactor.maskShortValue(text) + "'";
    }

    /**
     * Returns a request value to quote in a message: keys masked, cut to {@link ReportConstraints#MAX_QUOTED_LENGTH}.
     */
    public static String masked(String value) {
        if (value == null) {
            return "";
        }
        String masked = KeyRedactor.maskShortValue(value);
        return masked.length() > ReportConstraints.MAX_QUOTED_LENGTH
                ? masked.substring(0, ReportConstraints.MAX_QUOTED_LENGTH) + "..."
                : masked;
    }
}
