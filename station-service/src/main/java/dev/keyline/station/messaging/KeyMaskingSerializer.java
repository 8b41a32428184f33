package dev.keyline.station.messaging;

import dev.keyline.schemas.keys.KeyRedactor;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes strings as UTF-8 with every full product key masked. The dead-letter producer uses it, so a bad record that
 * carried a key does not copy the key to one more topic.
 */
public class KeyMaskingSerializer implements Serializer<String> {

    @Override
    public byte[] serialize(String topic, String data) {
        if (data == null) {
            return null;
        }
        return KeyRedactor.maskAll(data).getBytes(StandardCharsets.UTF_8);
    }
}
