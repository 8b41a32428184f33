package dev.keyline.platform.outbox;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.keys.KeyRedactor;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Kafka record waiting in the outbox: topic, key, headers and the value as text. */
public record OutboxMessage(String topic, String key, Map<String, String> headers, String payload) {

    /** A CloudEvent in structured mode, with the attributes Kafka tooling filters on copied into headers. */
    public static OutboxMessage cloudEvent(String key, CloudEvent<?> event, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", CloudEvent.CONTENT_TYPE);
        headers.put("ce_id", event.id());
        headers.put("ce_type", event.type().type());
        return new OutboxMessage(event.type().topic(), key, headers, json);
    }

    /**
     * A record that a consumer could not read, bound for the dead-letter topic with why and where it came from. The
     * value and reason are masked, so a full key in a bad record does not travel further.
     */
    public static OutboxMessage deadLetter(
            String deadLetterTopic,
            String sourceTopic,
            int partition,
            long offset,
            String key,
            String value,
            String reason,
            String consumer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("dead-letter-reason", KeyRedactor.maskAll(reason));
        headers.put("dead-letter-topic", sourceTopic);
        headers.put("dead-letter-partition", String.valueOf(partition));
        headers.put("dead-letter-offset", String.valueOf(offset));
        headers.put("dead-letter-consumer", consumer);
        return new OutboxMessage(
                deadLetterTopic, KeyRedactor.maskAll(key), headers, KeyRedactor.maskAll(value == null ? "" : value));
    }
}
