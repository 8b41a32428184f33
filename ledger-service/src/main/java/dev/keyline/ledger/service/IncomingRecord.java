package dev.keyline.ledger.service;

import dev.keyline.schemas.DecodeResult;

/**
 * One Kafka record as the booking engine needs it: where it came from, its value, and the value decoded if that
 * already happened (null when the booking engine has to decode it).
 */
public record IncomingRecord(String topic, int partition, long offset, String key, String value, DecodeResult decoded) {

    /** Creates a record whose value the booking engine decodes. */
    public IncomingRecord(String topic, int partition, long offset, String key, String value) {
        this(topic, partition, offset, key, value, null);
    }

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
