package dev.keyline.launcher;

/** A service did not process the scenario's events in time; the message names the counter that lagged. */
public class CatchUpTimeoutException extends RuntimeException {

    public CatchUpTimeoutException(String message) {
        super(message);
    }
}
