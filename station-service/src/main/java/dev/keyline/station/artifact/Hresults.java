package dev.keyline.station.artifact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads HRESULTs as slmgr, WMI and event logs write them, into {@code 0x} and 8 upper-case hex digits. */
public final class Hresults {

    private static final Pattern HEX = Pattern.compile("0[xX][0-9A-Fa-f]{8}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,10}");

    private Hresults() {}

    /** Reads {@code 0xC004F009}, also with a trailing period as slmgr prints it, or a signed or unsigned decimal. */
    public static Optional<String> normalize(String value) {
        String trimmed = value.trim();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (HEX.matcher(trimmed).matches()) {
            return Optional.of("0x" + trimmed.substring(2).toUpperCase(Locale.ROOT));
        }
        if (DECIMAL.matcher(trimmed).matches()) {
            return fromDecimal(Long.parseLong(trimmed));
        }
        return Optional.empty();
    }

    /** Converts a decimal HRESULT, such as WMI's {@code LicenseStatusReason}, signed or not, to hex. */
    public static Optional<String> fromDecimal(long value) {
        if (value < Integer.MIN_VALUE || value > 0xFFFFFFFFL) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "0x%08X", value & 0xFFFFFFFFL));
    }
}
