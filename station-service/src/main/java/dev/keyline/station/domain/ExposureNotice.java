package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import java.util.List;
import java.util.stream.Collectors;

/** Tells a station whose report was rejected that the keys in it were masked and recorded as exposed anyway. */
public final class ExposureNotice {

    private ExposureNotice() {}

    /** Returns a sentence to append to a problem's detail, or an empty string when no key was found. */
    public static String describe(List<CloudEvent<KeyExposed>> exposures) {
        if (exposures.isEmpty()) {
            return "";
        }
        String findings = exposures.stream()
                .map(event -> event.data().maskedKey() + " at " + locationText(event.data()) + " (exposure event "
                        + event.id() + ")")
                .collect(Collectors.joining(", "));
        return " The request contained full product keys, which were masked and recorded as exposed: " + findings
                + ". Treat these keys as leaked, and send keyId or partialKey instead of a full key.";
    }

    private static String locationText(KeyExposed exposed) {
        return exposed.location().isEmpty() ? "the body" : exposed.location();
    }
}
