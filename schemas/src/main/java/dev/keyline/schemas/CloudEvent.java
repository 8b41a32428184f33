package dev.keyline.schemas;

import dev.keyline.schemas.events.EventData;
import java.time.Instant;

/**
 * A CloudEvents 1.0 event as Keyline sends it in structured JSON mode. {@code id} is the idempotency key of every
 * consumer; {@code time} is when it happened on the line, not when it arrived.
 */
public record CloudEvent<T extends EventData>(
        String id, String source, EventType type, String subject, Instant time, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** Creates an event with a fresh time-ordered id. */
    public static <T extends EventData> CloudEvent<T> create(String source, String subject, Instant time, T data) {
        return new CloudEvent<>(EventIds.next(), source, EventType.of(data), subject, time, data);
    }

    /** Returns this event under another id, as when the id is derived from what the event reports. */
    public CloudEvent<T> withId(String newId) {
        return new CloudEvent<>(newId, source, type, subject, time, data);
    }

    public static String lineSource(String lineId, String stationId) {
        return "/lines/" + lineId + "/stations/" + stationId;
    }

    public static String serviceSource(String serviceName) {
        return "/services/" + serviceName;
    }
}
