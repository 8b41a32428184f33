package dev.keyline.station.domain;

/**
 * Keeps the location of a finding, such as the XPath of a deeply nested element, short enough to store and index
 * everywhere it goes: the exposure event, the alert built from it and the device's findings.
 */
public final class LocationText {

    /**
     * The maximum length of a location kept whole. The alert service indexes it, and PostgreSQL indexes rows up to
     * 2,704 bytes.
     */
    public static final int MAX_LENGTH = 512;

    private LocationText() {}

    /** Returns the location, or its start and end around a note of how many characters were left out. */
    public static String bounded(String location) {
        if (location == null || location.length() <= MAX_LENGTH) {
            return location;
        }
        // The note is at most 46 characters, so each end keeps what is left of the maximum length.
        int keptAtEachEnd = (MAX_LENGTH - 46) / 2;
        int omitted = location.length() - 2 * keptAtEachEnd;
        return location.substring(0, keptAtEachEnd) + "...(" + omitted + " characters left out)..."
                + location.substring(location.length() - keptAtEachEnd);
    }
}
