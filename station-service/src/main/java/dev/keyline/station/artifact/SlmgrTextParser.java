package dev.keyline.station.artifact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code slmgr /dli} and {@code /dlv} output. Each license starts at a {@code Name:} line, labels may come in
 * any order, lines may end in LF or CRLF, and a label the parser does not read is listed in the result instead of
 * being guessed. Lines before the first {@code Name:} (the service version of {@code /dlv}) belong to no license.
 */
final class SlmgrTextParser {

    private static final Set<String> NOT_IN_USE =
            Set.of("this license is not in use.", "diese lizenz wird nicht verwendet.");

    private SlmgrTextParser() {}

    static LicenseOutput parse(String text) {
        List<LicenseBlock> blocks = new ArrayList<>();
        Set<String> unknownLabels = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        BlockBuilder current = null;

        for (String rawLine : text.split("\r?\n|\r")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (NOT_IN_USE.contains(line.toLowerCase(Locale.ROOT))) {
                if (current != null) {
                    current.markNotInUse();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String label = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            Optional<LicenseField> field = LicenseField.fromSlmgrLabel(label);
            if (field.isEmpty()) {
                unknownLabels.add(label);
                continue;
            }
            if (field.get() == LicenseField.NAME) {
                if (current != null && !current.isEmpty()) {
                    blocks.add(current.build(false, problems));
                }
                current = new BlockBuilder();
            }
            if (current != null) {
                current.put(field.get(), value);
            }
        }
        if (current != null && !current.isEmpty()) {
            blocks.add(current.build(false, problems));
        }
        if (blocks.isEmpty()) {
            problems.add("no license found: slmgr output starts each license with a 'Name:' line");
        }
        return new LicenseOutput(LicenseOutput.SLMGR, List.copyOf(blocks), List.copyOf(unknownLabels), problems);
    }
}
