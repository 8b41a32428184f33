package dev.keyline.ledger.domain;

import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.ProductKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads remaining activations per key from CSV. The header names the columns in any order and case: a key column
 * ({@code productKey}, fingerprinted and dropped), {@code partialKey} or {@code keyId}, {@code remainingActivations}
 * (or {@code remaining}), and optionally {@code lastUpdate} (or {@code readAt}); rows without a date take
 * {@code defaultReadAt}. A full key in the {@code keyId} or {@code partialKey} column counts as the key column's.
 */
public final class ReadingCsvParser {

    private ReadingCsvParser() {}

    public static ReadingFile parse(String csv, KeyFingerprinter fingerprinter, Instant defaultReadAt) {
        List<CsvRecords.CsvRecord> records = CsvRecords.split(csv);
        List<MicrosoftReading> readings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int fullKeys = 0;
        if (records.isEmpty()) {
            return new ReadingFile(
                    readings, 0, List.of("the file is empty; expected a header line and one row per key"));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        header(records.get(0).text(), columns, repeated);
        if (!repeated.isEmpty()) {
            return new ReadingFile(
                    readings,
                    0,
                    List.of("the header repeats the column names " + String.join(", ", repeated)
                            + " (compared without case or punctuation); keep one column of each name"));
        }
        Integer remainingColumn = first(columns, "remainingactivations", "remaining");
        if (remainingColumn == null) {
            return new ReadingFile(readings, 0, List.of("the header has no remainingActivations column"));
        }
        if (first(columns, "productkey", "key", "keyvalue", "partialproductkey", "partialkey", "keyid") == null) {
            // Without one, every row would be read and then reported as naming no key.
            return new ReadingFile(
                    readings, 0, List.of("the header has no key column; name one keyId, partialKey or productKey"));
        }
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).text().isBlank()) {
                continue;
            }
            List<String> fields = split(records.get(i).text());
            if (fields.stream().allMatch(String::isBlank)) {
                // A row of separators only, as a spreadsheet writes for an empty row, is blank too.
                continue;
            }
            String fullKey = FullKeyValue.read(field(fields, first(columns, "productkey", "key", "keyvalue")));
            if (fullKey != null) {
                fullKeys++;
            }
            String partialKey = field(fields, first(columns, "partialproductkey", "partialkey"));
            String keyId = field(fields, first(columns, "keyid"));
            String remaining = field(fields, remainingColumn);
            String readAt = field(fields, first(columns, "lastupdate", "readat", "date"));
            int line = records.get(i).line();
            String misplaced =
                    ProductKeys.hidesKey(keyId) ? "keyId" : ProductKeys.hidesKey(partialKey) ? "partialKey" : null;
            if (misplaced != null) {
                String value = misplaced.equals("keyId") ? keyId : partialKey;
                String upper = value.toUpperCase(Locale.ROOT);
                if (fullKey != null || !ProductKeys.isFullKey(upper)) {
                    problems.add("line " + line + ": the " + misplaced + " column holds text with a product key;"
                            + " put the full key alone in the productKey column, where it is "
                            + "fingerprinted and dropped");
                    continue;
                }
                // A full key in the wrong column is still a full key: it is matched by fingerprint and dropped.
                fullKey = upper;
                fullKeys++;
                keyId = misplaced.equals("keyId") ? null : keyId;
                partialKey = misplaced.equals("partialKey") ? null : partialKey;
            }
            if (readAt == null && defaultReadAt == null) {
                problems.add("line " + line + ": no lastUpdate; add the column or pass the readAt query parameter");
                continue;
            }
            Long remainingCount = ReadingCounts.wholeNumber(remaining);
            if (remainingCount == null) {
                problems.add(
                        "line " + line + ": remainingActivations " + quoted(remaining) + " " + ReadingCounts.EXPECTED);
                continue;
            }
            Instant readTime;
            try {
                readTime = readAt == null ? defaultReadAt : ReadingTimes.parse(readAt);
            } catch (RuntimeException e) {
                problems.add("line " + line + ": lastUpdate " + quoted(readAt) + " is not a date");
                continue;
            }
            readings.add(new MicrosoftReading(
                    fullKey == null ? null : fingerprinter.fingerprint(fullKey),
                    keyId,
                    partialKey == null ? null : partialKey.toUpperCase(Locale.ROOT),
                    remainingCount,
                    readTime,
                    line));
        }
        return new ReadingFile(readings, fullKeys, problems);
    }

    /** Quotes a field for a problem message with any full key in it masked, or returns "(empty)" for a missing one. */
    private static String quoted(String value) {
        return value == null ? "(empty)" : "'" + KeyRedactor.maskAll(value) + "'";
    }

    /**
     * Reads the header into {@code columns}, by name in lower case without other characters than letters, and adds
     * each name given more than once to {@code repeated}, as written the second time.
     */
    private static void header(String line, Map<String, Integer> columns, List<String> repeated) {
        List<String> names = split(line);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                repeated.add(quoted(names.get(i).trim()));
            }
        }
    }

    private static Integer first(Map<String, Integer> columns, String... names) {
        for (String name : names) {
            if (columns.containsKey(name)) {
                return columns.get(name);
            }
        }
        return null;
    }

    private static String field(List<String> fields, Integer column) {
        if (column == null || column >= fields.size() || fields.get(column).isBlank()) {
            return null;
        }
        return fields.get(column).trim();
    }

    /** Splits one RFC 4180 line: commas outside double quotes separate fields, "" is a quote inside one. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                current.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
