package dev.keyline.alert.messaging;

import dev.keyline.schemas.keys.KeyRedactor;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes strings as UTF-8 with every full product key masked. The dead-letter producers use it, so a bad record that
 * carried a key does not copy it to one more topic. It also adds the {@code dead-letter-consumer} header that the
 * platform's dead-letter records carry, so readers of the dead-letter topics know this service gave up on the record.
 */
public class KeyMaskingSerializer implements Serializer<String> {

    static final String CONSUMER_HEADER = "dead-letter-consumer";
    static final String CONSUMER = "keyline-alert-service";

    @Override
    public byte[] serialize(String topic, String data) {
        if (data == null) {
            return null;
        }
        return KeyRedactor.maskAll(data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, String data) {
        if (headers != null && headers.lastHeader(CONSUMER_HEADER) == null) {
            headers.add(CONSUMER_HEADER, CONSUMER.getBytes(StandardCharsets.UTF_8));
        }
        return serialize(topic, data);
    }
}
