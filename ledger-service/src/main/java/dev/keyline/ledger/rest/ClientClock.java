package dev.keyline.ledger.rest;

import java.time.Duration;
import java.time.Instant;

/** The latest time a client may give for something that already happened, allowing for its clock running ahead. */
final class ClientClock {

    /** How far a client's clock may run ahead of the ledger's. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private ClientClock() {}

    /** Returns now plus {@link #TOLERANCE}. */
    static Instant latestPastTime() {
        return Instant.now().plus(TOLERANCE);
    }
}
