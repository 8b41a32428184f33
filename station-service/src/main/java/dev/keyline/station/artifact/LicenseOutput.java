package dev.keyline.station.artifact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

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
     * Returns the Windows license in use: the first block with a partial key whose name mentions Windows and is not an
     * add-on, else the first block with a partial key whose name mentions Windows, else the first block with a partial
     * key. {@code slmgr /dlv} lists add-on licenses, such as Extended Security Updates ({@code Windows(R),
     * Client-ESU-Year1 add-on for Windows 10}), beside the operating system's, in any order, and their names mention
     * Windows too.
     */
    public Optional<LicenseBlock> primary() {
        return withKey()
                .filter(block -> mentions(block, "windows") && !mentions(block, "add-on"))
                .findFirst()
                .or(() -> withKey().filter(block -> mentions(block, "windows")).findFirst())
                .or(() -> withKey().findFirst());
    }

    private Stream<LicenseBlock> withKey() {
        return blocks.stream().filter(block -> block.partialKey() != null);
    }

    private static boolean mentions(LicenseBlock block, String word) {
        return block.name() != null && block.name().toLowerCase(Locale.ROOT).contains(word);
    }
}
