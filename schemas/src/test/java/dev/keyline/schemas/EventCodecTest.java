package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final String ID = "6f1c2b7e-0d3a-4c5e-9f8a-1b2c3d4e5f60";
    private static final Instant TIME = Instant.parse("2026-12-01T08:30:00Z");

    private final EventCodec codec = new EventCodec();

    private static CloudEvent<DeviceProvisioned> provisioned() {
        DeviceProvisioned data = new DeviceProvisioned(
                "SN-0001", "line-1", "imaging-01", "KEY-A", "7QX4M", ProvisioningMethod.UNATTEND, true, null);
        return new CloudEvent<>(
                ID, CloudEvent.lineSource("line-1", "imaging-01"), EventType.DEVICE_PROVISIONED, "SN-0001", TIME, data);
    }

    @Test
    void roundTripKeepsEveryAttribute() {
        DecodeResult result = codec.decode(codec.encode(provisioned()));

        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(((DecodeResult.Decoded) result).event()).isEqualTo(provisioned());
    }

    @Test
    void rejectsMissingRequiredMember() {
        String json = codec.encode(provisioned()).replace("\"serial\":\"SN-0001\",", "");

        DecodeResult result = codec.decode(json);

        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(((DecodeResult.Rejected) result).reason()).contains("$.data").contains("serial");
    }

    @Test
    void rejectsLineBreakAfterSerial() {
        String json = codec.encode(provisioned()).replace("\"serial\":\"SN-0001\"", "\"serial\":\"SN-0001\\n\"");

        DecodeResult result = codec.decode(json);

        assertThat(result).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(((DecodeResult.Rejected) result).reason())
                .isEqualTo("$.data.serial: does not match the regex pattern ^[A-Za-z0-9._-]{1,64}$, got 'SN-0001\\n'");
    }

    @Test
    void quotedValueHidesKey() {
        String json = codec.encode(provisioned())
                .replace("\"serial\":\"SN-0001\"", "\"serial\":\"tstaa-bbbbb-ccccc-ddddd-7qx4m!\"");

        DecodeResult result = codec.decode(json);

        assertThat(((DecodeResult.Rejected) result).reason())
                .isEqualTo("$.data.serial: does not match the regex pattern ^[A-Za-z0-9._-]{1,64}$,"
                        + " got '*****-*****-*****-*****-7QX4M!'");
    }

    @Test
    void idWithLineBreakInvalid() throws Exception {
        ObjectNode envelope = (ObjectNode) EventJson.mapper().readTree(codec.encode(provisioned()));

        assertThat(codec.isValidEnvelope(envelope)).isTrue();
        envelope.put("id", ID + "\n");
        assertThat(codec.isValidEnvelope(envelope)).isFalse();
    }

    @Test
    void rejectsSubjectOtherThanSerial() {
        String json = codec.encode(provisioned()).replace("\"subject\":\"SN-0001\"", "\"subject\":\"SN-0001\\n\"");

        DecodeResult result = codec.decode(json);

        assertThat(((DecodeResult.Rejected) result).reason())
                .isEqualTo("$.subject: 'SN-0001\\n' is not the device serial 'SN-0001' of $.data.serial; send the"
                        + " device's serial as the subject");
    }

    @Test
    void rejectsDotsAloneSubject() {
        String json = codec.encode(provisioned()).replace("SN-0001", "..");

        DecodeResult result = codec.decode(json);

        assertThat(((DecodeResult.Rejected) result).reason())
                .isEqualTo("$.subject: '..' is dots alone, which no URL can name (\"..\" is the parent path); send the"
                        + " device serial or key id with a letter or digit in it");
    }

    @Test
    void encodeRejectsOtherSubject() {
        CloudEvent<DeviceProvisioned> event = provisioned();
        CloudEvent<DeviceProvisioned> other =
                new CloudEvent<>(event.id(), event.source(), event.type(), "SN-0002", event.time(), event.data());

        assertThatThrownBy(() -> codec.encode(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.subject: 'SN-0002' is not the device serial 'SN-0001'");
    }

    @Test
    void rejectsUnknownType() {
        String json = codec.encode(provisioned()).replace("keyline.device.provisioned.v1", "keyline.device.melted.v1");

        DecodeResult result = codec.decode(json);

        assertThat(((DecodeResult.Rejected) result).reason()).contains("unknown event type 'keyline.device.melted.v1'");
    }

    @Test
    void rejectsTruncatedJsonWithPosition() {
        String json = codec.encode(provisioned());

        DecodeResult result = codec.decode(json.substring(0, json.length() / 2));

        assertThat(((DecodeResult.Rejected) result).reason()).startsWith("not valid JSON at line 1, column");
    }

    @Test
    void rejectionNeverEchoesFullKey() {
        DecodeResult result = codec.decode("{\"id\": TSTAA-BBBBB-CCCCC-DDDDD-7QX4M}");

        assertThat(((DecodeResult.Rejected) result).reason())
                .doesNotContain("TSTAA-BBBBB-CCCCC-DDDDD-7QX4M")
                .contains("not valid JSON");
    }

    @Test
    void rejectsLowerCaseHresult() {
        ActivationAttempted data = new ActivationAttempted(
                "SN-0001", "line-1", "act-01", null, "7QX4M", ActivationChannel.INTERNET, "0xc004c020", null);
        CloudEvent<ActivationAttempted> event =
                CloudEvent.create("/lines/line-1/stations/act-01", "SN-0001", TIME, data);

        assertThatThrownBy(() -> codec.encode(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.data.result");
    }

    @Test
    void rejectsNonObjectValue() {
        assertThat(((DecodeResult.Rejected) codec.decode("[1,2]")).reason()).contains("expected a JSON object");
        assertThat(((DecodeResult.Rejected) codec.decode("  ")).reason()).startsWith("empty record value");
    }
}
