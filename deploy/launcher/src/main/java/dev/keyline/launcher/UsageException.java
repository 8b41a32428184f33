package dev.keyline.launcher;

/** An invalid command line; the message names the argument and what to write instead. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
