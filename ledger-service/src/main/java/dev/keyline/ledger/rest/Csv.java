package dev.keyline.ledger.rest;

import java.util.List;

/** RFC 4180 CSV fields; a field that a spreadsheet would run as a formula gets a leading apostrophe. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {}

    /** Joins a header and rows into a CSV document with a line break after each line, and no blank line for no rows. */
    static String document(String header, List<String> rows) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** Tells whether a spreadsheet could read the value as a formula: it starts with = + - @, a tab or a CR. */
    static boolean startsLikeFormula(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }
}
