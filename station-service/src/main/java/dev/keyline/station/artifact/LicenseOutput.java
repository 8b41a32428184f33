package dev.keyline.station.artifact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * License output read from {@code slmgr /dli}, {@code slmgr /dlv}, WMI or JSON. {@code unknownLabels} are labels or
 * properties the parser does not read, listed instead of guessed, and {@code problems} are values it could not read.
 */
public record LicenseOutput(
        String format, List<LicenseBlock> blocks, List<String> unknownLabels, List<String> problems) {

    public static final String SLMGR = "slmgr";
    public static final String WMI = "wmi";
    public static final String JSON = "json";

    /**
     * Returns the Windows license in use: the first block with a partial key whose name mentions Windows, else the
     * first block with a partial key. Add-on licenses printed by {@code /dlv} come after it or have no key.
     */
    public Optional<LicenseBlock> primary() {
        return blocks.stream()
                .filter(block -> block.partialKey() != null)
                .filter(block -> block.name() != null
                        && block.name().toLowerCase(Locale.ROOT).contains("windows"))
                .findFirst()
                .or(() -> blocks.stream()
                        .filter(block -> block.partialKey() != null)
                        .findFirst());
    }
}
