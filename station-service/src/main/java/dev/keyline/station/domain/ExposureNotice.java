package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import java.util.List;
import java.util.stream.Collectors;

/** Tells a station whose report was rejected that the keys in it were masked and recorded as exposed anyway. */
public final class ExposureNotice {

    /**
     * The number of exposures a notice names one by one. The rest are counted with the ids of the first and last, so
     * that a rejected 5 MB event log with thousands of keys does not get a problem body of half a megabyte.
     */
    static final int LISTED = 20;

    private ExposureNotice() {}

    /** Returns a sentence to append to a problem's detail, or an empty string when no key was found. */
    public static String describe(List<CloudEvent<KeyExposed>> exposures) {
        if (exposures.isEmpty()) {
            return "";
        }
        String findings = exposures.stream()
                .limit(LISTED)
                .map(event -> event.data().maskedKey() + " at " + locationText(event.data()) + " (exposure event "
                        + event.id() + ")")
                .collect(Collectors.joining(", "));
        if (exposures.size() > LISTED) {
            findings += ", and " + (exposures.size() - LISTED) + " more (exposure events "
                    + exposures.get(LISTED).id() + " to "
                    + exposures.get(exposures.size() - 1).id() + ")";
        }
        return " The request contained full product keys, which were masked and recorded as exposed: " + findings
                + ". Treat these keys as leaked, and send keyId or partialKey instead of a full key.";
    }

    private static String locationText(KeyExposed exposed) {
        return exposed.location().isEmpty() ? "the body" : exposed.location();
    }
}
