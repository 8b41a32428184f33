package dev.keyline.launcher;

/** A service that exited or did not become ready; the message names its log file. */
public class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message) {
        super(message);
    }
}
