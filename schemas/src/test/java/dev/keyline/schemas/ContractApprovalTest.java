package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.AlertChanged;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.DeviceLicenseReported;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.EventData;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.ProvisioningMethod;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Serializes one example of every event type and compares it with the approved file under
 * {@code src/test/resources/approved}. A change to the wire format fails here first; update the approved file only
 * together with a new type version when the change is not backwards compatible.
 */
class ContractApprovalTest {

    private static final Instant TIME = Instant.parse("2026-12-01T08:30:00Z");
    private static final String FINGERPRINT = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static final Map<EventType, CloudEvent<?>> EXAMPLES = new EnumMap<>(EventType.class);

    static {
        String line = CloudEvent.lineSource("line-1", "imaging-01");
        String ledger = CloudEvent.serviceSource("ledger-service");
        example(
                line,
                "SN-0001",
                new DeviceProvisioned(
                        "SN-0001",
                        "line-1",
                        "imaging-01",
                        "KEY-A",
                        "7QX4M",
                        ProvisioningMethod.AUDIT_MODE_IPK,
                        true,
                        null));
        example(
                line,
                "SN-0001",
                new ActivationAttempted(
                        "SN-0001",
                        "line-1",
                        "imaging-01",
                        "KEY-A",
                        "7QX4M",
                        ActivationChannel.PHONE,
                        "0xC004C020",
                        null));
        example(
                line,
                "SN-0001",
                new KeyExposed(
                        "SN-0001",
                        "line-1",
                        "imaging-01",
                        "*****-*****-*****-*****-7QX4M",
                        "7QX4M",
                        FINGERPRINT,
                        "device-provisioned",
                        "/notes"));
        example(ledger, "KEY-A", new BalanceChanged("KEY-A", "7QX4M", 100, 12, 80, 8, "e-1"));
        example(ledger, "SN-0002", new ActivationMatched("SN-0002", "KEY-A", "7QX4M", "e-3"));
        example(
                ledger,
                "SN-9999",
                new ActivationUnattributed(
                        "SN-9999",
                        "KEY-A",
                        "7QX4M",
                        "line-1",
                        "act-01",
                        ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                        "e-2"));
        example(
                line,
                "SN-0001",
                new DeviceStepCompleted("SN-0001", "line-1", "imaging-01", "key-cleared", "KEY-A", "7QX4M"));
        example(
                line,
                "SN-0001",
                new DeviceLicenseReported(
                        "SN-0001", "line-1", "imaging-01", "7QX4M", "OEM:DM", "notification", "0xC004F009", "slmgr"));
        example(
                CloudEvent.serviceSource("alert-service"),
                "alert-1",
                new AlertChanged(
                        "alert-1",
                        "key-low",
                        "warning",
                        "firing",
                        Map.of("keyId", "KEY-A"),
                        "KEY-A has 8 activations left",
                        "top up the key",
                        "2026-12-01T08:30:00Z",
                        "2026-12-01T08:30:00Z"));
    }

    private static void example(String source, String subject, EventData data) {
        EventType type = EventType.of(data);
        String id = String.format("00000000-0000-4000-8000-%012d", type.ordinal());
        EXAMPLES.put(type, new CloudEvent<>(id, source, type, subject, TIME, data));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void wireFormatMatchesApprovedFile(EventType type) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode actual = mapper.readTree(new EventCodec().encode(EXAMPLES.get(type)));

        try (InputStream approved = getClass().getResourceAsStream("/approved/" + type.type() + ".json")) {
            assertThat(approved).as("approved file for " + type.type()).isNotNull();
            assertThat(actual).isEqualTo(mapper.readTree(approved));
        }
    }
}
