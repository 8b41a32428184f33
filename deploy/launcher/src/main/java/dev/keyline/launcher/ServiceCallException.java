package dev.keyline.launcher;

/** An HTTP call to a Keyline service that failed or returned an unexpected status; the message names the URL. */
public class ServiceCallException extends RuntimeException {

    public ServiceCallException(String message) {
        super(message);
    }

    public ServiceCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
