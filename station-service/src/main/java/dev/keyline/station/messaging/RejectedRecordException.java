package dev.keyline.station.messaging;

/**
 * The reason a record goes to the dead-letter topic. The Kafka connector copies the message into the
 * {@code dead-letter-reason} header, so callers mask product keys in it first.
 */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
