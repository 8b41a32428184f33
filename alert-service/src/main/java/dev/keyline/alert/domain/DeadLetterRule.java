package dev.keyline.alert.domain;

import java.util.Map;

/**
 * {@code dead-letter}: a consumer gave up on a record and moved it to a dead-letter topic. Warning, one alert per
 * source record (topic, partition and offset), however many consumers dead-lettered it. It never resolves by itself:
 * an operator resolves it once the record was repaired or replaced.
 */
public final class DeadLetterRule {

    /** Reasons are cut to this many characters, because a parser's message can quote a whole record. */
    static final int MAX_REASON_LENGTH = 500;

    private DeadLetterRule() {}

    public static Evaluation evaluate(DeadLetterRecord record) {
        String topic = record.hasSource() ? record.sourceTopic() : record.deadLetterTopic();
        String partition = String.valueOf(record.hasSource() ? record.sourcePartition() : record.deadLetterPartition());
        String offset = String.valueOf(record.hasSource() ? record.sourceOffset() : record.deadLetterOffset());
        AlertIdentity identity = AlertIdentity.of(
                AlertRule.DEAD_LETTER, Map.of("topic", topic, "partition", partition, "offset", offset));

        String consumer = record.consumer() == null ? "a consumer" : "consumer " + record.consumer();
        String where = record.hasSource()
                ? String.format("the record at %s partition %s offset %s", topic, partition, offset)
                : "a record whose dead-letter headers do not name its source position";
        String summary = String.format(
                "%s could not process %s and moved it to %s partition %d offset %d: %s",
                consumer,
                where,
                record.deadLetterTopic(),
                record.deadLetterPartition(),
                record.deadLetterOffset(),
                reason(record));
        String action = String.format(
                "read the record from %s partition %d offset %d (for example with kcat), fix its producer or publish"
                        + " a corrected event, then resolve this alert",
                record.deadLetterTopic(), record.deadLetterPartition(), record.deadLetterOffset());
        return new Evaluation.Fire(identity, Severity.WARNING, summary, action);
    }

    private static String reason(DeadLetterRecord record) {
        if (record.reason() == null || record.reason().isBlank()) {
            return "no reason was given";
        }
        String reason = record.reason();
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
