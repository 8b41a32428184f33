package dev.keyline.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 4180 CSV document read into its header and rows, so tests compare exports with the JSON field by field. */
public record CsvTable(List<String> header, List<Map<String, String>> rows) {

    /**
     * Parses a CSV document whose first line is the header. Quoted fields may contain commas, quotes and line breaks.
     */
    public static CsvTable parse(String csv) {
        List<List<String>> lines = records(csv);
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : lines.subList(1, lines.size())) {
            if (record.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row has " + record.size() + " fields but the header has " + header.size() + ": " + record);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    /** Returns the one row whose {@code column} is {@code value}. */
    public Map<String, String> row(String column, String value) {
        List<Map<String, String>> matches =
                rows.stream().filter(row -> value.equals(row.get(column))).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.size() + " rows have " + column + " = " + value);
        }
        return matches.get(0);
    }

    private static List<List<String>> records(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
