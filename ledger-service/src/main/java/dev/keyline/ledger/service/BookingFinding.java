package dev.keyline.ledger.service;

import org.jboss.logging.Logger;

/**
 * Something a batch's booking found that operators should read in the log: a match, an unattributed activation, a key
 * marked exhausted or blocked, or a partial key that overrode the key id. It is logged once the batch has committed,
 * so a batch that rolls back and is booked again does not log it twice.
 */
record BookingFinding(Logger.Level level, String message) {

    static BookingFinding info(String format, Object... parameters) {
        return new BookingFinding(Logger.Level.INFO, String.format(format, parameters));
    }

    static BookingFinding warn(String format, Object... parameters) {
        return new BookingFinding(Logger.Level.WARN, String.format(format, parameters));
    }
}
