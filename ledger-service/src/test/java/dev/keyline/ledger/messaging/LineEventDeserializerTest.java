package dev.keyline.ledger.messaging;

import static dev.keyline.ledger.TestEvents.json;
import static dev.keyline.ledger.TestEvents.provisioned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.schemas.DecodeResult;
import dev.keyline.schemas.events.DeviceProvisioned;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineEventDeserializerTest {

    private final LineEventDeserializer deserializer = new LineEventDeserializer();

    @Test
    void validEventDecodesWithText() {
        String text = json(provisioned("D-1", "KEY-D", "D0KEY"));

        LineEventValue value = deserializer.deserialize("keyline.line-events", text.getBytes(StandardCharsets.UTF_8));

        assertThat(value.text()).isEqualTo(text);
        assertThat(value.decoded()).isInstanceOfSatisfying(DecodeResult.Decoded.class, decoded -> {
            assertThat(decoded.event().subject()).isEqualTo("D-1");
            assertThat(decoded.event().data()).isInstanceOf(DeviceProvisioned.class);
        });
    }

    @Test
    void truncatedRecordCarriesParseError() {
        String text = json(provisioned("D-2", "KEY-D", "D0KEY"));
        String truncated = text.substring(0, text.length() / 2);

        LineEventValue value =
                deserializer.deserialize("keyline.line-events", truncated.getBytes(StandardCharsets.UTF_8));

        assertThat(value.text()).isEqualTo(truncated);
        assertThat(value.decoded())
                .isInstanceOfSatisfying(DecodeResult.Rejected.class, rejected -> assertThat(rejected.reason())
                        .startsWith("not valid JSON at line 1, column "));
    }

    @Test
    void recordWithoutValueIsRejected() {
        LineEventValue value = deserializer.deserialize("keyline.line-events", null);

        assertThat(value.text()).isNull();
        assertThat(value.decoded())
                .isEqualTo(
                        new DecodeResult.Rejected("empty record value: expected a CloudEvent in structured JSON mode"));
    }
}
