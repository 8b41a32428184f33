package dev.keyline.station.artifact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows license states, as WMI {@code SoftwareLicensingProduct.LicenseStatus} numbers them and as slmgr prints them
 * in English and German. A printed status is compared whole, so "Unlicensed" never reads as "Licensed".
 */
public enum LicenseStatus {
    UNLICENSED("unlicensed", 0),
    LICENSED("licensed", 1),
    INITIAL_GRACE("initial-grace", 2),
    ADDITIONAL_GRACE("additional-grace", 3),
    NON_GENUINE_GRACE("non-genuine-grace", 4),
    NOTIFICATION("notification", 5),
    EXTENDED_GRACE("extended-grace", 6),
    UNKNOWN("unknown", -1);

    // NOTE: the German grace-period texts follow the German Windows wording as far as it could be checked; an
    // unmatched text becomes UNKNOWN with a problem in the result, never a guessed state.
    private static final Map<String, LicenseStatus> PRINTED = Map.ofEntries(
            Map.entry("licensed", LICENSED),
            Map.entry("unlicensed", UNLICENSED),
            Map.entry("initial grace period", INITIAL_GRACE),
            Map.entry("additional grace period", ADDITIONAL_GRACE),
            Map.entry("additional grace period (kms license expired or hardware out of tolerance)", ADDITIONAL_GRACE),
            Map.entry("non-genuine grace period", NON_GENUINE_GRACE),
            Map.entry("notification", NOTIFICATION),
            Map.entry("extended grace period", EXTENDED_GRACE),
            Map.entry("lizenziert", LICENSED),
            Map.entry("nicht lizenziert", UNLICENSED),
            Map.entry("benachrichtigung", NOTIFICATION),
            Map.entry("anfänglicher toleranzzeitraum", INITIAL_GRACE),
            Map.entry("zusätzlicher toleranzzeitraum", ADDITIONAL_GRACE),
            Map.entry("toleranzzeitraum für nicht originale software", NON_GENUINE_GRACE),
            Map.entry("erweiterter toleranzzeitraum", EXTENDED_GRACE));

    private final String wireName;
    private final int wmiValue;

    LicenseStatus(String wireName, int wmiValue) {
        this.wireName = wireName;
        this.wmiValue = wmiValue;
    }

    public String wireName() {
        return wireName;
    }

    /** Returns the state of a whole printed value such as {@code Licensed}, ignoring case and a final period. */
    public static Optional<LicenseStatus> fromPrinted(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1).trim();
        }
        return Optional.ofNullable(PRINTED.get(normalized));
    }

    /** Returns the state of a WMI {@code LicenseStatus} number. */
    public static Optional<LicenseStatus> fromWmi(long value) {
        return Arrays.stream(values())
                .filter(status -> status.wmiValue == value)
                .findFirst();
    }
}
