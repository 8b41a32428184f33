package dev.keyline.station.artifact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the product key channel from the end of a license description, such as {@code ..., OEM_DM channel}, and
 * writes it the way slmgr's {@code Product Key Channel} line does, such as {@code OEM:DM}.
 */
public final class Channels {

    private static final Pattern SUFFIX =
            Pattern.compile("([A-Za-z0-9_]+)(?:\\s+channel|-Kanal)\\s*\\.?\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Map<String, String> PRODUCT_KEY_CHANNEL = Map.of(
            "RETAIL", "Retail",
            "OEM_DM", "OEM:DM",
            "OEM_SLP", "OEM:SLP",
            "OEM_NONSLP", "OEM:NONSLP",
            "OEM_COA_SLP", "OEM:COA:SLP",
            "OEM_COA_NSLP", "OEM:COA:NSLP",
            "VOLUME_MAK", "Volume:MAK",
            "VOLUME_KMSCLIENT", "Volume:GVLK",
            "VOLUME_KMS", "Volume:CSVLK");

    private Channels() {}

    /** Returns the channel named at the end of {@code description}; an unlisted name is returned as written. */
    public static Optional<String> fromDescription(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = SUFFIX.matcher(description);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String suffix = matcher.group(1);
        return Optional.of(PRODUCT_KEY_CHANNEL.getOrDefault(suffix.toUpperCase(Locale.ROOT), suffix));
    }
}
