package dev.keyline.station.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Log lines for a request's exposure events: one line each up to a limit, then one line for the rest, so that a text
 * with thousands of keys does not write thousands of lines. Every event is still published.
 */
public final class ExposureLogging {

    /** The number of a request's exposure events that get a line each. */
    static final int LINES_PER_REQUEST = 20;

    private ExposureLogging() {}

    /** Writes {@code line} for the first events and a summary line with the ids of the rest to {@code log}. */
    public static void log(Logger log, List<CloudEvent<KeyExposed>> exposures, Consumer<CloudEvent<KeyExposed>> line) {
        int logged = Math.min(exposures.size(), LINES_PER_REQUEST);
        for (int i = 0; i < logged; i++) {
            line.accept(exposures.get(i));
        }
        if (exposures.size() > logged) {
            log.warnf(
                    "%d more full product keys found in the same request; exposure events %s to %s",
                    exposures.size() - logged,
                    exposures.get(logged).id(),
                    exposures.get(exposures.size() - 1).id());
        }
    }
}
