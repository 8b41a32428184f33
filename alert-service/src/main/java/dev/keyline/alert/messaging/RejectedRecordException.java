package dev.keyline.alert.messaging;

/**
 * The reason a record is sent to the dead-letter topic. The Kafka connector copies the message into the
 * {@code dead-letter-reason} header, so it must never contain a full product key.
 */
public class RejectedRecordException extends RuntimeException {

    public RejectedRecordException(String reason) {
        super(reason, null, false, false);
    }
}
