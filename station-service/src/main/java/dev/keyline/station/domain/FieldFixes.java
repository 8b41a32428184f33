package dev.keyline.station.domain;

import java.util.Map;

/** Fix texts for invalid report fields: what a station should send instead. */
public final class FieldFixes {

    private static final Map<String, String> FIXES = Map.ofEntries(
            Map.entry("serial", "send the device serial as 1 to 64 letters, digits, '.', '_' or '-', not dots alone"),
            Map.entry("lineId", "send the line id this station's token is bound to, such as line-1"),
            Map.entry("stationId", "send the station id this station's token is bound to, such as imaging-01"),
            Map.entry(
                    "time",
                    "send an RFC 3339 date-time with a zone offset, such as 2026-12-01T08:30:00Z,"
                            + " or leave time out to use the time the report arrived"),
            Map.entry("keyId", "send the key id that operations registered for the key, such as KEY-A"),
            Map.entry(
                    "partialKey",
                    "send only the last 5 characters of the key, as 'Partial Product Key' in slmgr /dli shows them"),
            Map.entry("method", "send one of interactive-setup, unattend, audit-mode-ipk, offline-dism"),
            Map.entry("keyCleared", "send true once slmgr /cpky removed the key from the registry, otherwise false"),
            Map.entry("channel", "send one of internet, phone, vamt-proxy"),
            Map.entry(
                    "result", "send success, or the HRESULT of the failure as 0x and 8 hex digits, such as 0xC004F074"),
            Map.entry("notes", "send notes as text of at most 2000 characters, or leave notes out"),
            Map.entry(
                    "hardwareHash",
                    "send the device's hardware hash as Base64 or Base64url text of at most 512 characters,"
                            + " or leave hardwareHash out"),
            Map.entry(
                    "uwfEnabled",
                    "send true when Unified Write Filter was on at activation, false when it was off,"
                            + " or leave uwfEnabled out"),
            Map.entry("step", "send one of image-applied, key-cleared, generalized, qa-passed, shipped"),
            Map.entry(
                    "defaultKey",
                    "send true when the installed key is the default manufacturing key, which cannot activate,"
                            + " or leave defaultKey out"));

    private FieldFixes() {}

    /** Returns the fix for a report field, or a general one for names that are not report fields. */
    public static String forField(String field) {
        return FIXES.getOrDefault(field, "send the report as the API documentation describes");
    }
}
