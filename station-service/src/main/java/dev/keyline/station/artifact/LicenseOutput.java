package dev.keyline.station.artifact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** A name of an add-on license: {@code add-on} or {@code addon}, or {@code ESU} as a word of its own. */
    private static final Pattern ADD_ON = Pattern.compile("(?i)add-?on|(?<![a-z])esu(?![a-z])");

    /**
     * Returns the Windows license in use: the first block with a partial key whose name mentions Windows and is not an
     * add-on, else the first block with a partial key that is not an add-on. {@code slmgr /dlv} lists add-on licenses,
     * such as Extended Security Updates ({@code Windows(R), Client-ESU-Year1 add-on for Windows 10}), beside the
     * operating system's, in any order, and their names mention Windows too. An add-on is never the license in use,
     * so output whose only keyed licenses are add-ons, as when the operating system's key line is cut off, has none.
     */
    public Optional<LicenseBlock> primary() {
        return withKey()
                .filter(block -> !isAddOn(block)
                        && block.name() != null
                        && block.name().toLowerCase(Locale.ROOT).contains("windows"))
                .findFirst()
                .or(() -> withKey().filter(block -> !isAddOn(block)).findFirst());
    }

    /**
     * Returns the problem to report when the output has keyed add-on licenses but no license in use, or nothing: such
     * output books nothing, and the station should know why.
     */
    public Optional<String> addOnsOnlyProblem() {
        if (primary().isPresent() || withKey().noneMatch(LicenseOutput::isAddOn)) {
            return Optional.empty();
        }
        return Optional.of("only add-on licenses have a partial key, so no Windows license was read and nothing was"
                + " booked; send the output of slmgr /dlv with the Windows license's Partial Product Key line");
    }

    private Stream<LicenseBlock> withKey() {
        return blocks.stream().filter(block -> block.partialKey() != null);
    }

    private static boolean isAddOn(LicenseBlock block) {
        return block.name() != null && ADD_ON.matcher(block.name()).find();
    }
}
