package dev.keyline.station.artifact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the WMI {@code SoftwareLicensingProduct} list layout, {@code Property=value} lines with a blank line between
 * instances, as {@code wmic path SoftwareLicensingProduct get /format:list} prints it. {@code LicenseStatus} is a
 * number and {@code LicenseStatusReason} a decimal HRESULT.
 */
final class WmiListParser {

    private WmiListParser() {}

    static LicenseOutput parse(String text) {
        List<LicenseBlock> blocks = new ArrayList<>();
        Set<String> unknownProperties = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        BlockBuilder current = new BlockBuilder();

        for (String rawLine : text.split("\r?\n|\r")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current.build(true, problems));
                    current = new BlockBuilder();
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                problems.add("line '" + line + "' is not Property=value");
                continue;
            }
            String property = line.substring(0, equals).strip();
            Optional<LicenseField> field = LicenseField.fromWmiProperty(property);
            if (field.isEmpty()) {
                unknownProperties.add(property);
                continue;
            }
            current.put(field.get(), line.substring(equals + 1));
        }
        if (!current.isEmpty()) {
            blocks.add(current.build(true, problems));
        }
        if (blocks.isEmpty()) {
            problems.add("no SoftwareLicensingProduct instance found");
        }
        return new LicenseOutput(LicenseOutput.WMI, List.copyOf(blocks), List.copyOf(unknownProperties), problems);
    }
}
