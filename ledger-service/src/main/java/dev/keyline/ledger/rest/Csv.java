package dev.keyline.ledger.rest;

import java.util.List;

/** RFC 4180 CSV fields; a field that a spreadsheet would run as a formula gets a leading apostrophe. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

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
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
