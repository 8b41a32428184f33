package dev.keyline.alert.domain;

/**
 * A record on a dead-letter topic, read with its {@code dead-letter-*} headers. The source position is null when a
 * header was missing or not a number.
 *
 * @param consumer the consumer that gave up on the record, from {@code dead-letter-consumer}, or null when absent
 */
public record DeadLetterRecord(
        String deadLetterTopic,
        int deadLetterPartition,
        long deadLetterOffset,
        String sourceTopic,
        Integer sourcePartition,
        Long sourceOffset,
        String reason,
        String consumer) {

    /** Returns whether the headers named the source topic, partition and offset. */
    public boolean hasSource() {
        return sourceTopic != null && sourcePartition != null && sourceOffset != null;
    }
}
