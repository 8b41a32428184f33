package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.KeyRedactor;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Collects the fields of one license and checks their values when the license is complete. */
final class BlockBuilder {

    private static final Pattern PARTIAL_KEY = Pattern.compile("[A-Za-z0-9]{5}");

    /** The prefix of a masked key, before its partial key. */
    private static final String MASK_PREFIX = "*****-*****-*****-*****-";

    private final Map<LicenseField, String> values = new EnumMap<>(LicenseField.class);
    /** The first value of each field that the license gives again with another value. */
    private final Map<LicenseField, String> contradicted = new EnumMap<>(LicenseField.class);

    private boolean notInUse;

    void put(LicenseField field, String value) {
        if (field == LicenseField.OTHER) {
            return;
        }
        String earlier = values.put(field, value.trim());
        if (earlier != null && !earlier.equals(value.trim())) {
            contradicted.putIfAbsent(field, earlier);
        }
    }

    void markNotInUse() {
        notInUse = true;
    }

    boolean isEmpty() {
        return values.isEmpty() && !notInUse;
    }

    /**
     * Builds the license, adding to {@code problems} each value that could not be read. {@code wmiStatus} is true when
     * the status and reason are WMI numbers, false when they are slmgr's printed texts.
     */
    LicenseBlock build(boolean wmiStatus, List<String> problems) {
        String name = values.get(LicenseField.NAME);
        String where = name == null ? "a license" : "license '" + name + "'";
        String partialKey = partialKey(where, problems);
        String statusText = values.get(LicenseField.LICENSE_STATUS);
        LicenseStatus status = status(statusText, wmiStatus, where, problems);
        for (LicenseField field : List.of(LicenseField.LICENSE_STATUS, LicenseField.PARTIAL_PRODUCT_KEY)) {
            if (contradicted.containsKey(field)) {
                // Two statuses or keys for one license contradict each other, so neither is booked.
                problems.add(where + ": "
                        + field.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " is given"
                        + " twice, as '" + KeyRedactor.maskForEcho(contradicted.get(field)) + "' and '"
                        + KeyRedactor.maskForEcho(values.get(field)) + "', so nothing was booked for it; send the"
                        + " output as the tool wrote it");
                status = LicenseStatus.UNKNOWN;
            }
        }
        String reason = reason(where, problems);

        String channel = values.get(LicenseField.PRODUCT_KEY_CHANNEL);
        String channelSource = channel == null ? null : "product-key-channel";
        if (channel == null || channel.isEmpty()) {
            channel = Channels.fromDescription(values.get(LicenseField.DESCRIPTION))
                    .orElse(null);
            channelSource = channel == null ? null : "description";
        }
        boolean inUse = !notInUse && partialKey != null;
        return new LicenseBlock(
                name,
                values.get(LicenseField.DESCRIPTION),
                partialKey,
                status,
                statusText,
                channel,
                channelSource,
                reason,
                inUse);
    }

    private String partialKey(String where, List<String> problems) {
        String value = values.get(LicenseField.PARTIAL_PRODUCT_KEY);
        if (value == null || value.isEmpty()) {
            return null;
        }
        // A full key in this field was masked before parsing; its masked form still ends in the partial key.
        if (value.startsWith(MASK_PREFIX)
                && PARTIAL_KEY.matcher(value.substring(MASK_PREFIX.length())).matches()) {
            return value.substring(MASK_PREFIX.length()).toUpperCase(Locale.ROOT);
        }
        if (!PARTIAL_KEY.matcher(value).matches()) {
            problems.add(where + ": partial product key '" + KeyRedactor.maskForEcho(value)
                    + "' is not 5 letters or digits");
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private LicenseStatus status(String text, boolean wmiStatus, String where, List<String> problems) {
        if (text == null || text.isEmpty()) {
            // slmgr prints a status for every license it lists, so a block without one was cut off, as when a
            // station's log capture ends early. Nothing is booked for it, and the station should know why.
            if (!notInUse) {
                problems.add(where + ": no license status, so nothing was booked for it; send the whole output of"
                        + " slmgr /dli or /dlv");
            }
            return LicenseStatus.UNKNOWN;
        }
        Optional<LicenseStatus> status;
        if (wmiStatus) {
            status = text.matches("[0-9]{1,2}") ? LicenseStatus.fromWmi(Long.parseLong(text)) : Optional.empty();
        } else {
            status = LicenseStatus.fromPrinted(text);
        }
        if (status.isEmpty()) {
            problems.add(where + ": license status '" + text + "' is not a known status, so nothing was booked for it;"
                    + " send the output as the tool wrote it");
        }
        return status.orElse(LicenseStatus.UNKNOWN);
    }

    private String reason(String where, List<String> problems) {
        String value = values.get(LicenseField.NOTIFICATION_REASON);
        if (value == null || value.isEmpty()) {
            return null;
        }
        Optional<String> hresult = Hresults.normalize(value);
        if (hresult.isEmpty()) {
            problems.add(where + ": notification reason '" + value + "' is not an HRESULT");
        }
        return hresult.orElse(null);
    }
}
