package dev.keyline.station.domain;

import dev.keyline.schemas.PathIds;

/**
 * Patterns and messages of the request records. They mirror the JSON Schemas of the event contract, so a report that
 * passes them also passes {@code EventCodec.encode}, except that the partial key and the HRESULT may be sent in lower
 * case and are upper-cased before publishing.
 */
public final class ReportConstraints {

    public static final String ID = PathIds.PATTERN;

    public static final String PARTIAL_KEY = "[A-Za-z0-9]{5}";
    public static final String METHOD = "interactive-setup|unattend|audit-mode-ipk|offline-dism";
    public static final String CHANNEL = "internet|phone|vamt-proxy";
    public static final String RESULT = "success|0[xX][0-9A-Fa-f]{8}";
    public static final String STEP = "image-applied|key-cleared|generalized|qa-passed|shipped";
    public static final String HARDWARE_HASH = "[A-Za-z0-9+/=_-]{1,512}";
    public static final int MAX_NOTES = 2000;

    public static final String MISSING = "is missing";
    public static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', not dots alone";
    public static final String PARTIAL_KEY_MESSAGE = "must be exactly 5 letters or digits";
    public static final String METHOD_MESSAGE =
            "must be one of interactive-setup, unattend, audit-mode-ipk, offline-dism";
    public static final String CHANNEL_MESSAGE = "must be one of internet, phone, vamt-proxy";
    public static final String RESULT_MESSAGE = "must be success or an HRESULT written as 0x and 8 hex digits";
    public static final String STEP_MESSAGE =
            "must be one of image-applied, key-cleared, generalized, qa-passed, shipped";
    public static final String NOTES_MESSAGE = "is longer than 2000 characters";
    public static final String HARDWARE_HASH_MESSAGE =
            "must be 1 to 512 letters, digits, '+', '/', '=', '_' or '-', such as a Base64 hardware hash";

    /** Maximum length of a value quoted back in an error message. Longer values are described, not quoted. */
    public static final int MAX_QUOTED_LENGTH = 64;

    private ReportConstraints() {}

    public static boolean isId(String value) {
        return value != null && value.matches(ID);
    }
}
