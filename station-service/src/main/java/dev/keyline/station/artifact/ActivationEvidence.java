package dev.keyline.station.artifact;

import java.time.Instant;

/**
 * The activation evidence of one exported event. {@code result} is the HRESULT of a failed activation, or null.
 * {@code licenseStatus} is the status a licensing check found, or null.
 */
public record ActivationEvidence(
        Kind kind,
        Instant time,
        String provider,
        int eventId,
        String result,
        LicenseStatus licenseStatus,
        String detail) {

    /** The kinds of evidence. */
    public enum Kind {
        /** Security-SPP 8198: activation failed with the HRESULT in {@code result}. */
        FAILED,
        /** Security-SPP 1003: a licensing status check, with the status it found. */
        LICENSE_CHECKED,
        /** Client-Licensing 118: the device left deferred activation and tried to activate, with no outcome. */
        ATTEMPTED
    }
}
