package dev.keyline.ledger.rest;

/** RFC 4180 CSV fields; a field that a spreadsheet would run as a formula gets a leading apostrophe. */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

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
