package dev.keyline.ledger.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as RFC 4180 does: a line break ends a record unless it is inside a double-quoted field,
 * so a quoted field may span lines, as spreadsheets write a cell with a line break.
 */
final class CsvRecords {

    /** One record: its text without the line break that ends it, and the line of the file it starts on, from 1. */
    record CsvRecord(String text, int line) {}

    private CsvRecords() {}

    static List<CsvRecord> split(String csv) {
        List<CsvRecord> records = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        int line = 1;
        int startLine = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r';
            if (lineBreak) {
                // A CR LF pair is one line break.
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                    if (quoted) {
                        current.append('\r');
                    }
                    c = '\n';
                }
                line++;
            }
            if (lineBreak && !quoted) {
                records.add(new CsvRecord(current.toString(), startLine));
                current.setLength(0);
                startLine = line;
                fieldStart = true;
                continue;
            }
            // Only a quote that opens a field starts a quoted field. A quote inside an unquoted field, as in 24" panel,
            // is text. Inside a quoted field "" is a quote, and a lone quote ends the field.
            if (c == '"' && quoted && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                current.append("\"\"");
                i++;
                continue;
            }
            if (c == '"' && (quoted || fieldStart)) {
                quoted = !quoted;
            }
            fieldStart = c == ',' && !quoted;
            current.append(c);
        }
        if (!current.isEmpty()) {
            records.add(new CsvRecord(current.toString(), startLine));
        }
        return records;
    }
}
