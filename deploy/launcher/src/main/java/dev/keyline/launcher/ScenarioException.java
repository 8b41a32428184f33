package dev.keyline.launcher;

/** A scenario file that cannot be played; the message names the file, the line and the fix. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
