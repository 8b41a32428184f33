package dev.keyline.schemas;

import dev.keyline.schemas.events.ActivationAttempted;
import dev.keyline.schemas.events.ActivationMatched;
import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.AlertChanged;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.DeviceLicenseReported;
import dev.keyline.schemas.events.DeviceProvisioned;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.schemas.events.EventData;
import dev.keyline.schemas.events.KeyExposed;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every CloudEvents {@code type} Keyline produces, with the topic it goes to and the record of its data. */
public enum EventType {
    DEVICE_PROVISIONED("keyline.device.provisioned.v1", Topics.LINE_EVENTS, DeviceProvisioned.class),
    ACTIVATION_ATTEMPTED("keyline.activation.attempted.v1", Topics.LINE_EVENTS, ActivationAttempted.class),
    KEY_EXPOSED("keyline.key.exposed.v1", Topics.LINE_EVENTS, KeyExposed.class),
    BALANCE_CHANGED("keyline.ledger.balance-changed.v1", Topics.LEDGER_EVENTS, BalanceChanged.class),
    ACTIVATION_UNATTRIBUTED(
            "keyline.ledger.activation-unattributed.v1", Topics.LEDGER_EVENTS, ActivationUnattributed.class),
    ALERT_CHANGED("keyline.alert.changed.v1", Topics.ALERTS, AlertChanged.class),
    ACTIVATION_MATCHED("keyline.ledger.activation-matched.v1", Topics.LEDGER_EVENTS, ActivationMatched.class),
    DEVICE_STEP_COMPLETED("keyline.device.step-completed.v1", Topics.LINE_EVENTS, DeviceStepCompleted.class),
    DEVICE_LICENSE_REPORTED("keyline.device.license-reported.v1", Topics.LINE_EVENTS, DeviceLicenseReported.class);

    /** The types by their CloudEvents name, looked up for every decoded record. */
    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends EventData> dataClass;

    EventType(String type, String topic, Class<? extends EventData> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, such as {@code keyline.device.provisioned.v1}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Classpath location of the JSON Schema that the event's {@code data} must satisfy. */
    public String schemaResource() {
        return "/keyline/schemas/" + type + ".json";
    }

    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    public static EventType of(EventData data) {
        return Arrays.stream(values())
                .filter(t -> t.dataClass.isInstance(data))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + data.getClass()));
    }
}
