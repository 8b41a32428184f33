package dev.keyline.ledger.service;

/** One Kafka record as the booking engine needs it: where it came from and its value. */
public record IncomingRecord(String topic, int partition, long offset, String key, String value) {

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
