package dev.keyline.ledger.messaging;

import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Reads a line-event record's value as text and decodes it as a Keyline CloudEvent, schema validation included. Kafka
 * calls it on the consumer's polling thread, so the next batch is decoded while the booking engine writes the current
 * one. It does not throw: a value that is not a valid event carries its rejection to the booking engine, which
 * sends the record to the dead-letter topic.
 */
public class LineEventDeserializer implements Deserializer<LineEventValue> {

    private static final Logger LOG = Logger.getLogger(LineEventDeserializer.class);

    private final EventCodec codec = new EventCodec();

    @Override
    public LineEventValue deserialize(String topic, byte[] data) {
        String text = data == null ? null : new String(data, StandardCharsets.UTF_8);
        DecodeResult decoded;
        try {
            decoded = codec.decode(text);
        } catch (RuntimeException e) {
            // EventCodec does not throw for bad input. Should it ever, the record is dead-lettered all the same.
            LOG.errorf(e, "decoding a record of topic %s failed unexpectedly; it will be dead-lettered", topic);
            decoded = new DecodeResult.Rejected(
                    "the record could not be decoded: " + e.getClass().getSimpleName());
        }
        return new LineEventValue(text, decoded);
    }
}
